/**
 * @module
 * What every core module receives: the database, configuration, logger, PII cipher and clock.
 * Built once per process by {@link createServices}; tests build their own with a fake clock.
 */
import type { Database } from '@rapport/db'
import type { Logger } from 'pino'
import { createPiiCipher, type PiiCipher } from './crypto/pii-cipher.js'
import { emptyRuntime, type PluginRuntime } from './plugins/runtime.js'
import type { CoreSubscriptions } from './deliveries/core-subscriptions.js'
import { sendMessageSubscription } from './messaging/send-message.js'
import { bulkSendSubscription } from './messaging/bulk/run-bulk-batch.js'

/** Installation settings core needs. */
export type CoreConfig = {
  /** At least 16 characters; derives the encryption and lookup keys. */
  secret: string
  /** The business's IANA time zone, for display and daily summaries. */
  timeZone: string
  /** Rapport's version, reported by /api/health. */
  version: string
  /** Origins allowed to make cookie-authenticated writes besides the server's own. */
  trustedOrigins?: string[]
  /** Set the Secure flag on the session cookie (on behind HTTPS). Default: when the request is https. */
  secureCookies?: boolean
  /** Session lifetime since last use, in hours. */
  sessionIdleHours?: number
}

/** The shared services object. */
export type CoreServices = {
  db: Database
  config: CoreConfig
  log: Logger
  pii: PiiCipher
  /** The current time; a fake clock in tests. */
  now: () => Date
  /** The plugins that are live now; the plugin host replaces it on every change. */
  runtime: PluginRuntime
  /** Core's own after-commit subscribers (the delivery service's sender), run by the delivery worker like plugins'. */
  coreSubscriptions: CoreSubscriptions
}

/** Builds the services. @example const services = createServices({ db, config, log }) */
export function createServices(input: { db: Database; config: CoreConfig; log: Logger; now?: () => Date }): CoreServices {
  const services: CoreServices = {
    ...input, pii: createPiiCipher(input.config.secret), now: input.now ?? (() => new Date()), runtime: emptyRuntime(),
    coreSubscriptions: [sendMessageSubscription(() => services), bulkSendSubscription(() => services)],
  }
  return services
}

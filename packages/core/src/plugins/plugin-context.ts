/**
 * @module
 * Builds the `ctx` a plugin receives in `setup`. Everything the plugin registers is collected
 * into its {@link Registrations}; nothing touches global state, so a failed setup leaves no trace.
 */
import { recordAudit } from '../audit/audit-log.js'
import { businessNow } from '../events/event-clock.js'
import { publishEvent } from '../events/publish-event.js'
import { applyProfileChanges } from '../profile/apply-changes.js'
import { readProfile } from '../profile/read-profile.js'
import { issueCustomerLink } from '../links/customer-links.js'
import { pluginSegments } from '../segments/plugin-segments.js'
import { queueMessage } from '../messaging/queue-message.js'
import { pluginCustomers, pluginUsers } from './plugin-people.js'
import type { CoreServices } from '../services.js'
import type { PluginContext, PluginDefinition, PluginRoute, RapportEvent, SubscribeOptions } from './contract.js'
import { pluginErrors } from './plugin-errors.js'
import { readEvents } from './plugin-event-reader.js'
import { isUndeclaredDependency, isUndeclaredListener } from './undeclared-dependency.js'
import type { ScheduledJob, Subscription } from './runtime.js'

/** What one plugin's setup registered. */
export type Registrations = {
  routes: PluginRoute[]
  subscriptions: Subscription[]
  jobs: ScheduledJob[]
  extensions: Map<string, unknown>
}

/** @example const reg = emptyRegistrations() */
export const emptyRegistrations = (): Registrations => ({ routes: [], subscriptions: [], jobs: [], extensions: new Map() })

/**
 * @example
 * const ctx = createPluginContext(services, definition, () => currentConfig, registrations, (name) => installed.find((d) => d.name === name))
 * await definition.setup?.(ctx)
 */
export function createPluginContext(
  s: CoreServices, def: PluginDefinition, config: () => unknown, reg: Registrations, definitionOf: (name: string) => PluginDefinition | undefined = () => undefined,
): PluginContext {
  const plugin = def.name
  const declaredEvents = new Set(Object.keys(def.events ?? {}))
  const declaredExtensions = new Set(Object.keys(def.extensionPoints ?? {}))
  const log = s.log.child({ plugin })
  return {
    name: plugin,
    namespace: def.namespace,
    get timeZone() { return s.config.timeZone },
    get config() { return config() },
    db: s.db,
    log,
    // The event's time while one is handled, the as-of time while a job runs, else the real clock.
    now: () => businessNow(s.now),
    route(route) { reg.routes.push(route) },
    async emit(type, customerId, payload, options) {
      if (!declaredEvents.has(type)) throw pluginErrors.EVENT_NOT_OWNED({ plugin, type })
      const { event } = await publishEvent(s, {
        type, customerId, payload: payload as Record<string, unknown>, emitter: plugin, source: 'plugin',
        occurredAt: options.occurredAt ?? businessNow(s.now).toISOString(), idempotencyKey: `${type}:${options.key}`,
      }, options.tx)
      return event as unknown as RapportEvent<typeof type & string>
    },
    on(type: string, handler: Subscription['handler'], options: SubscribeOptions) {
      // A catch-up replays past events inside their own transaction; an after-commit subscriber has none to join.
      if (options.catchUp && options.phase !== 'inTransaction') throw pluginErrors.DEFINITION_INVALID({ plugin, problem: `subscriber ${options.id}: catchUp needs phase 'inTransaction'` })
      const owner = s.runtime.ownerOfEvent(type)
      if (!options.fromConfig && isUndeclaredListener(def, owner, owner === undefined ? undefined : definitionOf(owner))) throw pluginErrors.EVENT_UNDECLARED({ plugin, type, owner })
      reg.subscriptions.push({ plugin, type, options, handler: handler as Subscription['handler'] })
    },
    updateProfile: (tx, customerId, changes, reason) =>
      applyProfileChanges(s, tx, { customerId, plugin, changes, source: { kind: 'plugin', id: reason.id }, ...(reason.eventSeq === undefined ? {} : { eventSeq: reason.eventSeq }) }),
    readProfile: (customerId, tx) => readProfile(s, tx ?? s.db, customerId),
    readEvents: (options) => readEvents(s, options),
    schedule(name, cron, run) { reg.jobs.push({ plugin, name, cron, run }) },
    issueCustomerLink(customerId, options) {
      const { token, link } = issueCustomerLink(s, { ...options, customerId, purpose: plugin })
      return { token, expiresAt: link.expiresAt, linkId: link.linkId }
    },
    customers: pluginCustomers(s),
    users: pluginUsers(s),
    provide(id, implementation) {
      if (!declaredExtensions.has(id as string)) throw pluginErrors.EXTENSION_FOREIGN({ plugin, id: String(id) })
      reg.extensions.set(id as string, implementation)
    },
    use(id) {
      const owner = s.runtime.extensionOwner?.(id as string)
      if (isUndeclaredDependency(def, owner)) throw pluginErrors.EXTENSION_UNDECLARED({ plugin, id: String(id), owner })
      return s.runtime.extension(id as string) as never
    },
    segments: pluginSegments(s, log),
    audit: (entry, tx) => recordAudit(tx ?? s.db, s.now(), { ...entry, details: { ...entry.details, plugin } }),
    deliver: (input) => queueMessage(s, plugin, input),
  }
}

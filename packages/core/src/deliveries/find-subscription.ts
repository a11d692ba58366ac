/**
 * @module
 * Resolves a delivery's subscriber name to the live subscription, if its plugin is active now.
 */
import type { Subscription } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import { WEBHOOK_SUBSCRIBER, webhookSubscription } from '../messaging/webhooks/send-webhook.js'

/**
 * The active after-commit subscription named `<plugin>:<subscription id>` (`core:<id>` for core's
 * own, `core:webhook:<endpoint id>` for an outgoing webhook), or undefined while its plugin is disabled (or no longer subscribes).
 * @param s - the services: the live plugins and core's own subscriptions
 * @param subscriber - the delivery's subscriber
 * @example const sub = findSubscription(s, 'mailer:welcome')
 */
export function findSubscription(s: CoreServices, subscriber: string): Subscription | undefined {
  const colon = subscriber.indexOf(':')
  if (colon < 0) return undefined
  const plugin = subscriber.slice(0, colon)
  const id = subscriber.slice(colon + 1)
  if (plugin === 'core') return id.startsWith(WEBHOOK_SUBSCRIBER) ? webhookSubscription(s, id.slice(WEBHOOK_SUBSCRIBER.length)) : s.coreSubscriptions.find((sub) => sub.options.id === id)
  return s.runtime
    .active()
    .find((p) => p.definition.name === plugin)
    ?.subscriptions.find((sub) => sub.options.phase === 'afterCommit' && sub.options.id === id)
}

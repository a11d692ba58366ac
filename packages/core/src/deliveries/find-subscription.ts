/**
 * @module
 * Resolves a delivery's subscriber name to the live subscription, if its plugin is active now.
 */
import type { PluginRuntime, Subscription } from '../plugins/runtime.js'

/**
 * The active after-commit subscription named `<plugin>:<subscription id>`, or undefined while
 * its plugin is disabled (or no longer subscribes).
 * @param runtime - the live plugins
 * @param subscriber - the delivery's subscriber
 * @example const sub = findSubscription(s.runtime, 'mailer:welcome')
 */
export function findSubscription(runtime: PluginRuntime, subscriber: string): Subscription | undefined {
  const colon = subscriber.indexOf(':')
  if (colon < 0) return undefined
  const plugin = subscriber.slice(0, colon)
  const id = subscriber.slice(colon + 1)
  return runtime
    .active()
    .find((p) => p.definition.name === plugin)
    ?.subscriptions.find((sub) => sub.options.phase === 'afterCommit' && sub.options.id === id)
}

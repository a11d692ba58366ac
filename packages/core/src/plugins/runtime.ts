/**
 * @module
 * The host's live view of its plugins, shared by the event bus, the profile store, the
 * scoring engine, side-effect delivery and jobs. The host rebuilds it on every enable, disable
 * or config change; readers call `active()` each time and never cache it.
 */
import type { FieldSpec, PluginContext, PluginDefinition, RapportEvent, SubscribeOptions, SubscriberContext } from './contract.js'

/** One subscription a plugin made in `setup`. */
export type Subscription = {
  plugin: string
  type: string
  options: SubscribeOptions
  handler: (event: RapportEvent, sub: SubscriberContext) => Promise<void> | void
}

/** One job a plugin scheduled in `setup`. */
export type ScheduledJob = { plugin: string; name: string; cron: string; run: Parameters<PluginContext['schedule']>[2] }

/** An enabled plugin whose setup succeeded. */
export type ActivePlugin = {
  definition: PluginDefinition
  /** Its validated config. */
  config: unknown
  /** Its context, for hooks such as `recomputeProfile`. */
  context: PluginContext
  subscriptions: Subscription[]
  jobs: ScheduledJob[]
  /** Its profile fields by full name (`points.balance`). */
  fields: Map<string, FieldSpec>
  /** Extension point implementations it provided in setup. */
  extensions?: ReadonlyMap<string, unknown>
}

/** What the runtime answers. */
export type PluginRuntime = {
  /** Enabled, booted plugins in boot order (dependencies first). */
  active(): readonly ActivePlugin[]
  /** The plugin that owns an event type (declared in its `events`), or 'core' for standard events, or undefined. */
  ownerOfEvent(type: string): string | undefined
  /** Every declared profile field of every installed plugin (enabled or not), by full name. */
  fields(): ReadonlyMap<string, FieldSpec & { plugin: string }>
  /** Extension point implementations offered by active plugins. */
  extension(id: string): unknown
  /** The installed plugin (enabled or not) that declares an extension point, if any. */
  extensionOwner?(id: string): string | undefined
  /**
   * Called when a plugin's failure on an event was recorded (in the event's transaction): the
   * host checks, once that transaction has ended, whether the plugin failed often enough to be
   * quarantined.
   */
  pluginFailed(plugin: string): void
}

/** Event types core itself emits; the foundation's standard events. */
export const CORE_EVENT_TYPES = ['order.completed', 'order.refunded', 'customer.updated', 'customer.erased', 'message.queued', 'message.sent', 'message.failed', 'message.unsubscribed', 'message.bulk.started'] as const

/** A runtime with no plugins: what core runs on before the host starts, and in core-only tests. @example const runtime = emptyRuntime() */
export function emptyRuntime(): PluginRuntime {
  return {
    active: () => [],
    ownerOfEvent: (type) => ((CORE_EVENT_TYPES as readonly string[]).includes(type) ? 'core' : undefined),
    fields: () => new Map(),
    extension: () => undefined,
    pluginFailed: () => undefined,
  }
}

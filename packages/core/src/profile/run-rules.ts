/**
 * @module
 * The scoring engine: runs the plugins' rules matching an event, in boot order and declaration
 * order, each on a fresh snapshot (so later rules see earlier changes), and records what they
 * change with the rule's id and version. Shared by event publishing and profile rebuilds. The
 * changes of all the rules are written together once the last rule ran: rules are pure, so a
 * failing one costs no savepoint. When publishing, a plugin whose rule fails (throws, returns a
 * Promise or an invalid change, or changes a field that is not its own) has its changes on this
 * event dropped while the other plugins' stand; a rebuild rethrows and rolls back.
 */
import type { Queryable } from '@rapport/db'
import { scoringErrors } from '../errors/index.js'
import type { ProfileChanges, ProfileSnapshot, ProfileValue, RapportEvent, ScoringRule } from '../plugins/contract.js'
import type { PluginFailure } from '../plugins/plugin-failure-store.js'
import type { ActivePlugin } from '../plugins/runtime.js'
import type { CoreServices } from '../services.js'
import type { StoredEvent } from '../events/event-log.js'
import { lockProfile } from './lock-profile.js'
import { planProfileChanges, type PlannedChange } from './plan-changes.js'
import { pluginFault, tagPlugin } from './plugin-fault.js'
import { loadProfileValues, snapshotOf } from './read-profile.js'
import { writePlannedChanges } from './write-planned-changes.js'

/**
 * True when a rule listens to this event type.
 * @example ruleMatches({ on: ['order.completed', 'order.refunded'] }, 'order.refunded') // true
 */
export const ruleMatches = (rule: Pick<ScoringRule, 'on'>, type: string): boolean =>
  typeof rule.on === 'string' ? rule.on === type : rule.on.includes(type)

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'

/** Options of {@link runScoringRules}. */
export type RunRulesOptions = {
  /** Plugins whose failing rules are isolated (their changes dropped, the failure returned) rather than rethrown. */
  isolate?: (plugin: string) => boolean
}

/**
 * Runs the matching rules of `plugins` for one event and applies their changes. Events without
 * a customer run no rules. The profile is locked and loaded once, on the first matching rule.
 * @param s - the services
 * @param tx - the event's transaction
 * @param event - the stored event
 * @param plugins - the plugins whose rules run, in boot order
 * @param options - which plugins' failures are isolated (default none: the first failure is thrown)
 * @returns how many profile changes were recorded, and the isolated failures (one per plugin at most)
 * @example const { failures } = await runScoringRules(s, tx, event, s.runtime.active(), { isolate: (p) => p !== emitter })
 */
export async function runScoringRules(s: CoreServices, tx: Queryable, event: StoredEvent, plugins: readonly ActivePlugin[], { isolate }: RunRulesOptions = {}): Promise<{ recorded: number; failures: PluginFailure[] }> {
  const customerId = event.customerId
  const failures: PluginFailure[] = []
  if (customerId === null) return { recorded: 0, failures }
  let values: Map<string, ProfileValue> | undefined
  // Snapshots are frozen, so one is shared by consecutive rules until a rule changes a value.
  let snapshot: ProfileSnapshot | undefined
  const planned: PlannedChange[] = []
  for (const plugin of plugins) {
    // Where this plugin's changes start: a failing rule drops them all, so a plugin applies an event whole or not at all.
    const mark = planned.length
    for (const rule of plugin.definition.scoring ?? []) {
      if (!ruleMatches(rule, event.type)) continue
      if (values === undefined) {
        await lockProfile(tx, customerId)
        values = await loadProfileValues(s, tx, customerId)
      }
      snapshot ??= snapshotOf(values)
      try {
        const changes = callRule(plugin, rule, event, snapshot)
        if (planProfileChanges(s, { plugin: plugin.definition.name, changes, source: { kind: 'rule', id: rule.id, version: rule.version } }, values, planned) > 0) snapshot = undefined
      } catch (err) {
        const name = plugin.definition.name
        if (!isolate?.(name)) throw err
        dropSince(planned, mark, values)
        snapshot = undefined
        failures.push({ plugin: name, kind: 'rule', handler: rule.id, error: pluginFault(err, { plugin: name, kind: 'rule', handler: rule.id, type: event.type }) })
        break
      }
    }
  }
  // The event's own time, not when it was processed: an imported history explains itself with its own dates.
  await writePlannedChanges(tx, { customerId, eventSeq: event.seq, at: event.occurredAt }, planned)
  return { recorded: planned.length, failures }
}

/** Takes back the changes planned from `mark` on, restoring the values they replaced. */
function dropSince(planned: PlannedChange[], mark: number, values: Map<string, ProfileValue>): void {
  for (const c of planned.splice(mark).reverse()) {
    if (c.previous === undefined) values.delete(c.field)
    else values.set(c.field, c.previous)
  }
}

/** Calls a rule synchronously and checks it kept the contract. */
function callRule(plugin: ActivePlugin, rule: ScoringRule, event: StoredEvent, snapshot: ProfileSnapshot): ProfileChanges {
  const name = plugin.definition.name
  let result: unknown
  try {
    result = rule.apply(event as unknown as RapportEvent, snapshot, plugin.config)
  } catch (err) {
    throw pluginFault(err, { plugin: name, kind: 'rule', handler: rule.id, type: event.type })
  }
  if (isThenable(result)) {
    // Swallow the rejection it may carry: the contract violation is what gets reported.
    Promise.resolve(result).catch(() => {})
    throw tagPlugin(scoringErrors.RULE_ASYNC({ plugin: name, rule: rule.id }), name)
  }
  if (result === undefined) return {}
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw tagPlugin(scoringErrors.CHANGE_INVALID({ plugin: name, field: '(all)', kind: 'changes', problem: `rule ${rule.id} must return an object of changes` }), name)
  }
  return result as ProfileChanges
}

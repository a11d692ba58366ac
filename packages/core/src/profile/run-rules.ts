/**
 * @module
 * The scoring engine: runs the plugins' rules matching an event, in boot order and declaration
 * order, each on a fresh snapshot (so later rules see earlier changes), and records what they
 * change with the rule's id and version. Shared by event publishing and profile rebuilds. The
 * changes of all the rules are written together once the last rule ran: rules are pure and a
 * failing one rolls the whole transaction back, so nothing is lost by writing them at the end.
 */
import type { Queryable } from '@rapport/db'
import { scoringErrors } from '../errors/index.js'
import type { ProfileChanges, ProfileSnapshot, ProfileValue, RapportEvent, ScoringRule } from '../plugins/contract.js'
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

/**
 * Runs the matching rules of `plugins` for one event and applies their changes. Events without
 * a customer run no rules. The profile is locked and loaded once, on the first matching rule.
 * @param s - the services
 * @param tx - the event's transaction
 * @param event - the stored event
 * @param plugins - the plugins whose rules run, in boot order
 * @returns how many profile changes were recorded
 * @example await runScoringRules(s, tx, event, s.runtime.active())
 */
export async function runScoringRules(s: CoreServices, tx: Queryable, event: StoredEvent, plugins: readonly ActivePlugin[]): Promise<number> {
  const customerId = event.customerId
  if (customerId === null) return 0
  let values: Map<string, ProfileValue> | undefined
  // Snapshots are frozen, so one is shared by consecutive rules until a rule changes a value.
  let snapshot: ProfileSnapshot | undefined
  const planned: PlannedChange[] = []
  for (const plugin of plugins) {
    for (const rule of plugin.definition.scoring ?? []) {
      if (!ruleMatches(rule, event.type)) continue
      if (values === undefined) {
        await lockProfile(tx, customerId)
        values = await loadProfileValues(s, tx, customerId)
      }
      snapshot ??= snapshotOf(values)
      const changes = callRule(plugin, rule, event, snapshot)
      if (planProfileChanges(s, { plugin: plugin.definition.name, changes, source: { kind: 'rule', id: rule.id, version: rule.version } }, values, planned) > 0) snapshot = undefined
    }
  }
  await writePlannedChanges(tx, { customerId, eventSeq: event.seq, at: event.recordedAt }, planned)
  return planned.length
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

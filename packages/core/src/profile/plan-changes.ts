/**
 * @module
 * Plans a plugin's profile changes without touching the database: checks each field is the
 * plugin's own and each value fits its kind, computes the next value and keeps the in-memory
 * value map up to date. Writing is separate ({@link writePlannedChanges}), so the scoring engine
 * can run every rule of an event first and write their changes together.
 */
import { scoringErrors } from '../errors/index.js'
import type { FieldKind, ProfileChanges, ProfileValue } from '../plugins/contract.js'
import type { CoreServices } from '../services.js'
import { nextValue, type ComputedChange } from './next-value.js'
import { tagPlugin } from './plugin-fault.js'

/** Who made a change: a scoring rule (id and version) or the plugin's own code (its reason id). */
export type ProfileChangeSource = { kind: 'rule'; id: string; version: number } | { kind: 'plugin'; id: string }

/** One real change (the value differs from the previous one), ready to be written and recorded. */
export type PlannedChange = ComputedChange & {
  field: string
  kind: FieldKind
  previous: ProfileValue | undefined
  plugin: string
  source: ProfileChangeSource
}

/** What {@link planProfileChanges} takes. */
export type PlanInput = { plugin: string; changes: ProfileChanges; source: ProfileChangeSource }

/**
 * Checks and computes one plugin's changes against `values`, appends the real ones to `into` and
 * applies them to `values`, so a later plan (the next rule) sees them. Throws (tagged with the
 * plugin, status 500) PLUGIN_FIELD_UNKNOWN, PLUGIN_FIELD_FOREIGN or PLUGIN_CHANGE_INVALID before
 * changing `values` or `into`.
 * @param s - the services (the runtime knows which plugin declares which field)
 * @param input - plugin, changes and source
 * @param values - the customer's current values; updated in place
 * @param into - where the real changes are appended, in order
 * @returns how many real changes were planned
 * @example
 * const planned: PlannedChange[] = []
 * planProfileChanges(s, { plugin: 'points-membership', changes: { 'points.balance': { add: 50 } }, source: { kind: 'plugin', id: 'earn' } }, values, planned)
 */
export function planProfileChanges(s: CoreServices, input: PlanInput, values: Map<string, ProfileValue>, into: PlannedChange[]): number {
  const { plugin, changes, source } = input
  const fields = s.runtime.fields()
  const planned: PlannedChange[] = []
  for (const field of Object.keys(changes)) {
    const change = changes[field]
    if (change === undefined) continue
    const spec = fields.get(field)
    if (!spec) throw tagPlugin(scoringErrors.FIELD_UNKNOWN({ plugin, field }), plugin)
    if (spec.plugin !== plugin) throw tagPlugin(scoringErrors.FIELD_FOREIGN({ plugin, field, owner: spec.plugin }), plugin)
    const previous = values.get(field)
    const result = nextValue(spec, change, previous)
    if (!result.ok) throw tagPlugin(scoringErrors.CHANGE_INVALID({ plugin, field, kind: spec.kind, problem: result.problem }), plugin)
    if (result.next !== previous) planned.push({ op: result.op, operand: result.operand, next: result.next, field, kind: spec.kind, previous, plugin, source })
  }
  // Each field appears once in `changes`, so every change above was computed on the values before this call.
  for (const c of planned) {
    if (c.next === undefined) values.delete(c.field)
    else values.set(c.field, c.next)
    into.push(c)
  }
  return planned.length
}

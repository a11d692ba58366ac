/**
 * @module
 * Applies a plugin's profile changes: checks each field is the plugin's own and each value fits
 * its kind, computes the next value, writes it (or removes it) and records one change row with
 * its source. Nothing is written or recorded for a change that leaves the value as it was.
 */
import type { Queryable } from '@rapport/db'
import { scoringErrors } from '../errors/index.js'
import type { FieldSpec, ProfileChanges, ProfileValue } from '../plugins/contract.js'
import type { CoreServices } from '../services.js'
import { lockProfile } from './lock-profile.js'
import { nextValue, type ComputedChange } from './next-value.js'
import { tagPlugin } from './plugin-fault.js'
import { toColumns } from './profile-value.js'
import { loadProfileValues } from './read-profile.js'

/** Who made a change: a scoring rule (id and version) or the plugin's own code (its reason id). */
export type ProfileChangeSource = { kind: 'rule'; id: string; version: number } | { kind: 'plugin'; id: string }

/** What {@link applyProfileChanges} takes. */
export type ApplyProfileChangesInput = {
  customerId: string
  /** The plugin making the changes: every field must be its own. */
  plugin: string
  changes: ProfileChanges
  source: ProfileChangeSource
  /** The event that caused the changes, when there is one. */
  eventSeq?: number
}

const UPSERT = `INSERT INTO core_profile_values (customer_id, field, num_value, text_value, updated_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (customer_id, field) DO UPDATE SET num_value = excluded.num_value, text_value = excluded.text_value, updated_at = excluded.updated_at`
const DELETE = 'DELETE FROM core_profile_values WHERE customer_id = ? AND field = ?'
const RECORD = `INSERT INTO core_profile_changes (customer_id, field, op, operand, previous, next, source_kind, source_id, source_version, plugin, event_seq, at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const json = (value: ProfileValue | undefined) => (value === undefined ? null : JSON.stringify(value))

/**
 * Applies changes to one customer's profile inside the caller's transaction and records each
 * real change. Throws (tagged with the plugin, status 500) PLUGIN_FIELD_UNKNOWN,
 * PLUGIN_FIELD_FOREIGN or PLUGIN_CHANGE_INVALID before writing anything.
 * @param s - the services (the runtime knows which plugin declares which field)
 * @param tx - the open transaction
 * @param input - customer, plugin, changes, source and the causing event
 * @example
 * await applyProfileChanges(s, tx, { customerId, plugin: 'points-membership', changes: { 'points.balance': { add: 50 } }, source: { kind: 'plugin', id: 'earn' }, eventSeq: event.seq })
 */
export async function applyProfileChanges(s: CoreServices, tx: Queryable, input: ApplyProfileChangesInput): Promise<void> {
  await lockProfile(tx, input.customerId)
  const values = await loadProfileValues(s, tx, input.customerId)
  await writeProfileChanges(s, tx, input, values, s.now().toISOString())
}

/**
 * {@link applyProfileChanges} on values already loaded (and locked) in this transaction; keeps
 * `values` up to date, so the scoring engine loads a profile once per event.
 * @returns how many changes were recorded
 * @example const recorded = await writeProfileChanges(s, tx, input, values, event.recordedAt)
 */
export async function writeProfileChanges(s: CoreServices, tx: Queryable, input: ApplyProfileChangesInput, values: Map<string, ProfileValue>, at: string): Promise<number> {
  const { customerId, plugin, changes, source } = input
  const fields = s.runtime.fields()
  const planned: Array<ComputedChange & { field: string; spec: FieldSpec; previous: ProfileValue | undefined }> = []
  for (const field of Object.keys(changes)) {
    const change = changes[field]
    if (change === undefined) continue
    const spec = fields.get(field)
    if (!spec) throw tagPlugin(scoringErrors.FIELD_UNKNOWN({ plugin, field }), plugin)
    if (spec.plugin !== plugin) throw tagPlugin(scoringErrors.FIELD_FOREIGN({ plugin, field, owner: spec.plugin }), plugin)
    const previous = values.get(field)
    const result = nextValue(spec, change, previous)
    if (!result.ok) throw tagPlugin(scoringErrors.CHANGE_INVALID({ plugin, field, kind: spec.kind, problem: result.problem }), plugin)
    if (result.next !== previous) planned.push({ ...result, field, spec, previous })
  }
  const version = source.kind === 'rule' ? source.version : null
  for (const c of planned) {
    if (c.next === undefined) {
      await tx.run(DELETE, [customerId, c.field])
      values.delete(c.field)
    } else {
      const { num, text } = toColumns(c.spec.kind, c.next)
      await tx.run(UPSERT, [customerId, c.field, num, text, at])
      values.set(c.field, c.next)
    }
    await tx.run(RECORD, [customerId, c.field, c.op, json(c.operand), json(c.previous), json(c.next), source.kind, source.id, version, plugin, input.eventSeq ?? null, at])
  }
  return planned.length
}

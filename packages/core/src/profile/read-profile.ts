/**
 * @module
 * Reads one customer's profile: every field's value by full name (`points.balance`), typed back
 * by the field's kind, and grouped by plugin namespace for the API.
 */
import type { Queryable } from '@rapport/db'
import type { FieldSpec, ProfileSnapshot, ProfileValue } from '../plugins/contract.js'
import type { CoreServices } from '../services.js'
import { overlayHeld } from './held-writes.js'
import { recallProfile } from './profile-memo.js'
import { fromColumns } from './profile-value.js'

/** The profile grouped by namespace: `{ points: { balance: 120 } }`. */
export type GroupedProfile = Record<string, Record<string, ProfileValue>>

type ValueRow = { field: string; num_value: number | null; text_value: string | null }

const SELECT_VALUES = 'SELECT field, num_value, text_value FROM core_profile_values WHERE customer_id = ?'

/**
 * One customer's values as a mutable map, for the scoring engine and profile writes. Inside a
 * transaction they are read once and remembered (profile-memo.ts): each rule and plugin of an
 * order asks again. Writes held for the end of the event being handled are seen.
 * @param s - the services (field kinds come from `s.runtime.fields()`)
 * @param db - the database or the open transaction
 * @param customerId - the customer
 * @example const values = await loadProfileValues(s, tx, customerId) // Map { 'fx.total' => 12 }
 */
export async function loadProfileValues(s: CoreServices, db: Queryable, customerId: string): Promise<Map<string, ProfileValue>> {
  // With the writes the event being handled holds (held-writes.ts): the rows are behind until it ends.
  return overlayHeld(db, customerId, await recallProfile(db, customerId, async () => {
    const fields = s.runtime.fields()
    const rows = await db.all<ValueRow>(SELECT_VALUES, [customerId])
    const values = new Map<string, ProfileValue>()
    for (const row of rows) values.set(row.field, fromColumns(fields.get(row.field)?.kind, row.num_value, row.text_value))
    return values
  }))
}

/**
 * A frozen snapshot of a value map, as rules receive it.
 * @example const snapshot = snapshotOf(values); snapshot['fx.total'] // 12
 */
export const snapshotOf = (values: ReadonlyMap<string, ProfileValue>): ProfileSnapshot => Object.freeze(Object.fromEntries(values))

/**
 * One customer's whole profile (every plugin's fields), by full field name. Unset fields are absent.
 * @param s - the services
 * @param db - the database, or a transaction to see its uncommitted changes
 * @param customerId - the customer
 * @example
 * const profile = await readProfile(s, s.db, customerId)
 * profile['points.balance'] // 120
 */
export async function readProfile(s: CoreServices, db: Queryable, customerId: string): Promise<ProfileSnapshot> {
  return snapshotOf(await loadProfileValues(s, db, customerId))
}

/**
 * Groups a snapshot by namespace, keeping only declared fields (a removed plugin's leftovers stay hidden).
 * @param snapshot - values by full field name
 * @param fields - the declared fields by full name, e.g. `s.runtime.fields()`
 * @example groupProfile({ 'points.balance': 120, 'tiering.tier': 'gold' }, s.runtime.fields()) // { points: { balance: 120 }, tiering: { tier: 'gold' } }
 */
export function groupProfile(snapshot: ProfileSnapshot, fields: ReadonlyMap<string, FieldSpec>): GroupedProfile {
  const grouped: GroupedProfile = {}
  for (const [field, value] of Object.entries(snapshot)) {
    if (value === undefined || !fields.has(field)) continue
    const dot = field.indexOf('.')
    const namespace = field.slice(0, dot)
    ;(grouped[namespace] ??= {})[field.slice(dot + 1)] = value
  }
  return grouped
}

/**
 * @module
 * Writes planned profile changes: the final value of each changed field (one upsert, or one
 * delete for the fields left unset) and their record, one packed row per plugin and event
 * ({@link packChanges}), in order. Multi-row statements, because a statement's fixed cost
 * outweighs a row's on the ingest hot path: an event's rules, subscribers and settled work write
 * their changes in two statements at the end of the event (held-writes.ts) instead of two per write.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import type { FieldKind, ProfileValue } from '../plugins/contract.js'
import { holdWrite, writeHeld, type ChangeTarget, type HeldWrite } from './held-writes.js'
import { CHANGES_PER_ROW, packChanges, type PackedChange } from './packed-changes.js'
import type { PlannedChange } from './plan-changes.js'
import { writeThrough } from './profile-memo.js'
import { toColumns } from './profile-value.js'

export type { ChangeTarget } from './held-writes.js'

/** Rows per statement: keeps the prepared variants few (one per row count up to this). */
const MAX_ROWS = 16

const rows = (n: number, row: string) => Array.from({ length: n }, () => row).join(', ')
/** SQL text for 1..MAX_ROWS rows, built once: the statement cache is keyed by text. */
const variants = (sql: (n: number) => string): string[] => Array.from({ length: MAX_ROWS + 1 }, (_, n) => (n === 0 ? '' : sql(n)))

const UPSERT = variants((n) => `INSERT INTO core_profile_values (customer_id, field, num_value, text_value, updated_at) VALUES ${rows(n, '(?, ?, ?, ?, ?)')}
  ON CONFLICT (customer_id, field) DO UPDATE SET num_value = excluded.num_value, text_value = excluded.text_value, updated_at = excluded.updated_at`)
const DELETE = variants((n) => `DELETE FROM core_profile_values WHERE customer_id = ? AND field IN (${rows(n, '?')})`)
// Rows are keyed by (customer, seq), seq counting each customer's rows (migration 0022): a row's
// seq is the customer's last before this statement plus its place among the statement's rows of
// that customer (`k`, from 1). The statement reads the table before it writes (both dialects),
// and writes of one customer are serialized (lock-profile.ts). `at` is left NULL when it is the
// event's occurred_at, read back from the event.
const RECORD = variants((n) => `WITH v (c, k, e, p, a, ch) AS (VALUES ${rows(n, '(?, CAST(? AS INTEGER), CAST(? AS BIGINT), ?, ?, ?)')})
  INSERT INTO core_profile_changes (customer_id, seq, event_seq, plugin, at, changes)
  SELECT v.c, COALESCE((SELECT MAX(x.seq) FROM core_profile_changes x WHERE x.customer_id = v.c), 0) + v.k, v.e, v.p,
    CASE WHEN v.a = (SELECT ev.occurred_at FROM core_events ev WHERE ev.seq = v.e) THEN NULL ELSE v.a END, v.ch FROM v`)

/** Runs `sql[n]` over `items` in chunks of at most MAX_ROWS, with `params` giving each chunk's values. */
async function inChunks<T>(tx: Queryable, sql: string[], items: readonly T[], params: (chunk: readonly T[]) => SqlValue[]): Promise<void> {
  for (let i = 0; i < items.length; i += MAX_ROWS) {
    const chunk = items.slice(i, i + MAX_ROWS)
    await tx.run(sql[chunk.length]!, params(chunk))
  }
}

/**
 * Writes `planned` (from {@link planProfileChanges}) inside the caller's transaction: the
 * resulting value of each field once, then the change rows in plan order. While an event is
 * handled the write is held and made with the event's others at its end (held-writes.ts).
 * @param tx - the open transaction
 * @param target - customer, causing event and time of the changes
 * @param planned - the real changes, in the order they were made
 * @example await writePlannedChanges(tx, { customerId, eventSeq: event.seq, at: event.recordedAt }, planned)
 */
export async function writePlannedChanges(tx: Queryable, target: ChangeTarget, planned: readonly PlannedChange[]): Promise<void> {
  if (planned.length === 0 || holdWrite(tx, { target, planned })) return
  await writeProfileRows(tx, [{ target, planned }])
}

/**
 * Writes several profile writes (of one or many customers) in as few statements as it can: one
 * upsert of every resulting value, a delete per customer with unset fields, and the change rows
 * (one per plugin and event, in the order the writes were made).
 * @param tx - the open transaction
 * @param writes - the writes, in the order they were made
 * @example await writeProfileRows(tx, [{ target: { customerId, eventSeq: 7, at }, planned }])
 */
export async function writeProfileRows(tx: Queryable, writes: readonly HeldWrite[]): Promise<void> {
  // The last change of each customer's field holds its resulting value (and its time).
  const last = new Map<string, Map<string, { kind: FieldKind; next: ProfileValue | undefined; at: string }>>()
  for (const { target, planned } of writes) {
    let fields = last.get(target.customerId)
    if (!fields) last.set(target.customerId, (fields = new Map()))
    for (const c of planned) fields.set(c.field, { kind: c.kind, next: c.next, at: target.at })
  }
  const upserts: SqlValue[][] = []
  const customers: Array<{ customerId: string; set: Array<readonly [string, ProfileValue]>; removed: string[] }> = []
  for (const [customerId, fields] of last) {
    const set: Array<readonly [string, ProfileValue]> = []
    const removed: string[] = []
    for (const [field, { kind, next, at }] of fields) {
      if (next === undefined) {
        removed.push(field)
        continue
      }
      set.push([field, next])
      const { num, text } = toColumns(kind, next)
      upserts.push([customerId, field, num, text, at])
    }
    customers.push({ customerId, set, removed })
  }
  // Each customer's remembered profile follows the rows (profile-memo.ts): the statements run inside every customer's writeThrough.
  const statements = async () => {
    await inChunks(tx, UPSERT, upserts, (chunk) => chunk.flat())
    for (const { customerId, removed } of customers) await inChunks(tx, DELETE, removed, (chunk) => [customerId, ...chunk])
  }
  const through = (i: number): Promise<void> => {
    const c = customers[i]
    return c ? writeThrough(tx, c.customerId, c.set, c.removed, () => through(i + 1)) : statements()
  }
  await through(0)
  await inChunks(tx, RECORD, changeRows(writes), numbered)
}

/**
 * Writes the profile writes held in `q`'s transaction now (see held-writes.ts), before code reads
 * profile rows with its own SQL.
 * @example await writeHeldProfiles(tx); return containsCustomer(tx, where, customerId)
 */
export const writeHeldProfiles = (q: Queryable): Promise<void> => writeHeld(q, (writes) => writeProfileRows(q, writes))

/** A chunk's change rows as RECORD's parameters: each row after its customer, its place among the chunk's rows of that customer. */
function numbered(chunk: readonly SqlValue[][]): SqlValue[] {
  const seen = new Map<SqlValue, number>()
  return chunk.flatMap(([customerId, ...rest]) => {
    const k = (seen.get(customerId!) ?? 0) + 1
    seen.set(customerId!, k)
    return [customerId!, k, ...rest]
  })
}

/**
 * The change rows of `writes`: one per customer, event and plugin for each run of writes that
 * share them (in order; plans hold each plugin's changes together), at most CHANGES_PER_ROW changes a row.
 */
function changeRows(writes: readonly HeldWrite[]): SqlValue[][] {
  const rows: SqlValue[][] = []
  let open: { key: string; changes: PackedChange[]; row: SqlValue[] } | undefined
  for (const { target, planned } of writes) {
    const eventSeq = target.eventSeq ?? null
    for (const c of planned) {
      const key = `${target.customerId}\u0000${eventSeq}\u0000${c.plugin}\u0000${target.at}`
      if (!open || open.key !== key || open.changes.length >= CHANGES_PER_ROW) {
        if (open) open.row[4] = packChanges(open.changes)
        open = { key, changes: [], row: [target.customerId, eventSeq, c.plugin, target.at, null] }
        rows.push(open.row)
      }
      open.changes.push({ field: c.field, op: c.op, operand: c.operand, previous: c.previous ?? null, next: c.next ?? null, source: c.source })
    }
  }
  if (open) open.row[4] = packChanges(open.changes)
  return rows
}

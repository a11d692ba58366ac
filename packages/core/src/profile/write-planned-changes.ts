/**
 * @module
 * Writes planned profile changes for one customer: the final value of each changed field (one
 * upsert, or one delete for the fields left unset) and their record, one packed row per plugin
 * ({@link packChanges}), in order. Multi-row statements, because a statement's fixed cost
 * outweighs a row's on the ingest hot path: an event's rules write their changes in two
 * statements instead of two per change.
 */
import type { Queryable, SqlValue } from '@rapport/db'
import type { FieldKind, ProfileValue } from '../plugins/contract.js'
import { CHANGES_PER_ROW, packChanges, type PackedChange } from './packed-changes.js'
import type { PlannedChange } from './plan-changes.js'
import { writeThrough } from './profile-memo.js'
import { toColumns } from './profile-value.js'

/** Where the changes belong: the customer, the causing event (when there is one) and the time. */
export type ChangeTarget = { customerId: string; eventSeq?: number | undefined; at: string }

/** Rows per statement: keeps the prepared variants few (one per row count up to this). */
const MAX_ROWS = 16

const rows = (n: number, row: string) => Array.from({ length: n }, () => row).join(', ')
/** SQL text for 1..MAX_ROWS rows, built once: the statement cache is keyed by text. */
const variants = (sql: (n: number) => string): string[] => Array.from({ length: MAX_ROWS + 1 }, (_, n) => (n === 0 ? '' : sql(n)))

const UPSERT = variants((n) => `INSERT INTO core_profile_values (customer_id, field, num_value, text_value, updated_at) VALUES ${rows(n, '(?, ?, ?, ?, ?)')}
  ON CONFLICT (customer_id, field) DO UPDATE SET num_value = excluded.num_value, text_value = excluded.text_value, updated_at = excluded.updated_at`)
const DELETE = variants((n) => `DELETE FROM core_profile_values WHERE customer_id = ? AND field IN (${rows(n, '?')})`)
const RECORD = variants((n) => `INSERT INTO core_profile_changes (customer_id, event_seq, plugin, at, changes) VALUES ${rows(n, '(?, ?, ?, ?, ?)')}`)

/** Runs `sql[n]` over `items` in chunks of at most MAX_ROWS, with `params` giving each chunk's values. */
async function inChunks<T>(tx: Queryable, sql: string[], items: readonly T[], params: (chunk: readonly T[]) => SqlValue[]): Promise<void> {
  for (let i = 0; i < items.length; i += MAX_ROWS) {
    const chunk = items.slice(i, i + MAX_ROWS)
    await tx.run(sql[chunk.length]!, params(chunk))
  }
}

/**
 * Writes `planned` (from {@link planProfileChanges}) inside the caller's transaction: the
 * resulting value of each field once, then the change rows in plan order.
 * @param tx - the open transaction
 * @param target - customer, causing event and time of the changes
 * @param planned - the real changes, in the order they were made
 * @example await writePlannedChanges(tx, { customerId, eventSeq: event.seq, at: event.recordedAt }, planned)
 */
export async function writePlannedChanges(tx: Queryable, target: ChangeTarget, planned: readonly PlannedChange[]): Promise<void> {
  if (planned.length === 0) return
  const { customerId, at } = target
  // The last change of a field holds its resulting value.
  const last = new Map<string, { kind: FieldKind; next: ProfileValue | undefined }>()
  for (const c of planned) last.set(c.field, { kind: c.kind, next: c.next })
  const removed: string[] = []
  const kept: Array<[field: string, kind: FieldKind, value: ProfileValue]> = []
  for (const [field, { kind, next }] of last) {
    if (next === undefined) removed.push(field)
    else kept.push([field, kind, next])
  }

  // The transaction's remembered profile follows the rows (profile-memo.ts).
  await writeThrough(tx, customerId, kept.map(([field, , value]) => [field, value] as const), removed, async () => {
    await inChunks(tx, UPSERT, kept, (chunk) => chunk.flatMap(([field, kind, value]) => {
      const { num, text } = toColumns(kind, value)
      return [customerId, field, num, text, at]
    }))
    await inChunks(tx, DELETE, removed, (chunk) => [customerId, ...chunk])
  })
  const eventSeq = target.eventSeq ?? null
  await inChunks(tx, RECORD, byPlugin(planned), (chunk) => chunk.flatMap(([plugin, changes]) => [customerId, eventSeq, plugin, at, packChanges(changes)]))
}

/** The planned changes of each plugin, in order (plans hold each plugin's changes together), at most CHANGES_PER_ROW a row. */
function byPlugin(planned: readonly PlannedChange[]): Array<[plugin: string, changes: PackedChange[]]> {
  const rows: Array<[plugin: string, changes: PackedChange[]]> = []
  const open = new Map<string, PackedChange[]>()
  for (const c of planned) {
    let list = open.get(c.plugin)
    if (!list || list.length >= CHANGES_PER_ROW) {
      list = []
      open.set(c.plugin, list)
      rows.push([c.plugin, list])
    }
    list.push({ field: c.field, op: c.op, operand: c.operand, previous: c.previous ?? null, next: c.next ?? null, source: c.source })
  }
  return rows
}

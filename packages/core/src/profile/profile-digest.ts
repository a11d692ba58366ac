/**
 * @module
 * A sha256 over profile values, streamed in pages ordered by (customer, field), with a short
 * digest per customer so two digests can say how many customers' values differ.
 */
import { createHash } from 'node:crypto'
import type { Queryable } from '@rapport/db'

/** The digest of some fields' values: the whole, and one per customer holding any. */
export type ProfileDigest = { checksum: string; customers: Map<string, string> }

type Row = { customer_id: string; field: string; num_value: number | null; text_value: string | null }

const PAGE = 2000
const FIRST = 'SELECT customer_id, field, num_value, text_value FROM core_profile_values ORDER BY customer_id, field LIMIT ?'
const AFTER = `SELECT customer_id, field, num_value, text_value FROM core_profile_values
  WHERE customer_id > ? OR (customer_id = ? AND field > ?) ORDER BY customer_id, field LIMIT ?`

/**
 * Digests the values of the fields whose namespace is in `namespaces`.
 * @param db - the database or the open transaction
 * @param namespaces - the namespaces to include (`points`, `tiering`)
 * @example const { checksum } = await digestProfiles(tx, new Set(['points']))
 */
export async function digestProfiles(db: Queryable, namespaces: ReadonlySet<string>): Promise<ProfileDigest> {
  const whole = createHash('sha256')
  const customers = new Map<string, string>()
  let current: { id: string; hash: ReturnType<typeof createHash> } | undefined
  const close = () => { if (current) customers.set(current.id, current.hash.digest('hex').slice(0, 32)) }
  let last: Row | undefined
  for (;;) {
    const rows = last === undefined
      ? await db.all<Row>(FIRST, [PAGE])
      : await db.all<Row>(AFTER, [last.customer_id, last.customer_id, last.field, PAGE])
    for (const row of rows) {
      if (!namespaces.has(row.field.slice(0, row.field.indexOf('.')))) continue
      const line = `${JSON.stringify([row.customer_id, row.field, row.num_value === null ? null : Number(row.num_value), row.text_value])}\n`
      whole.update(line)
      if (current?.id !== row.customer_id) {
        close()
        current = { id: row.customer_id, hash: createHash('sha256') }
      }
      current.hash.update(line)
    }
    if (rows.length < PAGE) break
    last = rows[rows.length - 1]
  }
  close()
  return { checksum: whole.digest('hex'), customers }
}

/**
 * How many customers' values differ between two digests, and how many appear in either.
 * @example const { changed, customers } = compareDigests(before, after)
 */
export function compareDigests(before: ProfileDigest, after: ProfileDigest): { changed: number; customers: number } {
  let changed = 0
  let customers = after.customers.size
  for (const [id, hash] of before.customers) {
    const other = after.customers.get(id)
    if (other === undefined) customers += 1
    if (other !== hash) changed += 1
  }
  for (const id of after.customers.keys()) if (!before.customers.has(id)) changed += 1
  return { changed, customers }
}

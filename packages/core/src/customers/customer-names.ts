/**
 * @module
 * Names for ids: what the admin shows where a plugin page only knows customer ids (a plugin never
 * reads `core_customers`). One query with IN; email and phone are never read or decrypted.
 */
import type { Queryable } from '@rapport/db'
import type { CustomerName } from './schemas.js'

type NameRow = { id: string; name: string | null; external_id: string | null; erased_at: string | Date | null }

/**
 * The name and external id of each customer among `ids` that exists, in no particular order;
 * unknown ids are left out, erased customers come back with `erased: true` and no name.
 * @example const names = await customerNames(s.db, ['cus_0mbx…', 'cus_0mby…'])
 */
export async function customerNames(db: Queryable, ids: readonly string[]): Promise<CustomerName[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = await db.all<NameRow>(
    `SELECT id, name, external_id, erased_at FROM core_customers WHERE id IN (${unique.map(() => '?').join(', ')})`,
    unique,
  )
  return rows.map((r) => ({ id: r.id, name: r.name, externalId: r.external_id, erased: r.erased_at !== null }))
}

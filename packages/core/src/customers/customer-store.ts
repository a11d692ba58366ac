/**
 * @module
 * The customer store: create, read, update and upsert customers in `core_customers`. No HTTP;
 * every function runs on a database or inside a caller's transaction.
 */
import type { Queryable } from '@rapport/db'
import { newId } from '../crypto/tokens.js'
import { customerErrors } from '../errors/index.js'
import type { CoreServices } from '../services.js'
import { toColumns, toCustomer, type ColumnValues, type CustomerRow } from './customer-row.js'
import type { Customer, CustomerFields } from './schemas.js'

export { customerFieldsSchema, type Customer, type CustomerFields } from './schemas.js'

/** Fields of {@link updateCustomer}: the customer fields plus the external id. */
export type CustomerPatch = CustomerFields & { externalId?: string | null }

/** True for a unique-constraint violation on SQLite or PostgreSQL. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505'
}

async function insertRow(db: Queryable, s: CoreServices, columns: ColumnValues, onConflict: string): Promise<CustomerRow | undefined> {
  const at = s.now().toISOString()
  const all: ColumnValues = [['id', newId('cus')], ...columns, ['created_at', at], ['updated_at', at]]
  if (!columns.some(([c]) => c === 'attributes')) all.push(['attributes', '{}'])
  const sql = `INSERT INTO core_customers (${all.map(([c]) => c).join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ${onConflict} RETURNING *`
  return db.get<CustomerRow>(sql, all.map(([, v]) => v))
}

async function updateRow(db: Queryable, s: CoreServices, where: [column: string, value: string], columns: ColumnValues): Promise<CustomerRow | undefined> {
  const all: ColumnValues = [...columns, ['updated_at', s.now().toISOString()]]
  const sql = `UPDATE core_customers SET ${all.map(([c]) => `${c} = ?`).join(', ')} WHERE ${where[0]} = ? RETURNING *`
  return db.get<CustomerRow>(sql, [...all.map(([, v]) => v), where[1]])
}

/**
 * Creates a customer; 409 CUSTOMER_EXTERNAL_ID_TAKEN when another customer has the external id.
 * @example const customer = await createCustomer(tx, s, { externalId: 'crm-1', name: '王芳', email: 'wf@example.cn' })
 */
export async function createCustomer(db: Queryable, s: CoreServices, input: CustomerFields & { externalId?: string }): Promise<Customer> {
  const row = await insertRow(db, s, toColumns(input, s.pii), 'ON CONFLICT (external_id) DO NOTHING')
  if (!row) throw customerErrors.EXTERNAL_ID_TAKEN({ externalId: input.externalId ?? '' })
  return toCustomer(row, s.pii)
}

/**
 * One customer by id, email and phone decrypted; 404 CUSTOMER_NOT_FOUND.
 * @example const customer = await getCustomer(s.db, s, 'cus_0mbx…')
 */
export async function getCustomer(db: Queryable, s: CoreServices, id: string): Promise<Customer> {
  const row = await db.get<CustomerRow>('SELECT * FROM core_customers WHERE id = ?', [id])
  if (!row) throw customerErrors.NOT_FOUND({ customerId: id })
  return toCustomer(row, s.pii)
}

/**
 * The id of the customer with this external id, or undefined.
 * @example const id = await findCustomerIdByExternalId(tx, 'crm-10086')
 */
export async function findCustomerIdByExternalId(db: Queryable, externalId: string): Promise<string | undefined> {
  return (await db.get<{ id: string }>('SELECT id FROM core_customers WHERE external_id = ?', [externalId]))?.id
}

/**
 * Creates the customer with this external id, or updates the fields given (absent fields stay,
 * null clears). Race-safe: an `INSERT … ON CONFLICT DO NOTHING` then an update. Runs in the
 * caller's transaction when given one.
 * @example const { customer, created } = await upsertCustomerByExternalId(tx, s, 'crm-10086', { name: '王芳' })
 */
export async function upsertCustomerByExternalId(db: Queryable, s: CoreServices, externalId: string, fields: CustomerFields): Promise<{ customer: Customer; created: boolean }> {
  const columns = toColumns(fields, s.pii)
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await insertRow(db, s, [['external_id', externalId], ...columns], 'ON CONFLICT (external_id) DO NOTHING')
    if (inserted) return { customer: toCustomer(inserted, s.pii), created: true }
    const existing = columns.length === 0
      ? await db.get<CustomerRow>('SELECT * FROM core_customers WHERE external_id = ?', [externalId])
      : await updateRow(db, s, ['external_id', externalId], columns)
    if (existing) return { customer: toCustomer(existing, s.pii), created: false }
  }
  throw new Error('upsertCustomerByExternalId: the customer changed three times during the upsert')
}

/**
 * Updates the fields given; 404 CUSTOMER_NOT_FOUND, 409 CUSTOMER_ERASED, 409 CUSTOMER_EXTERNAL_ID_TAKEN.
 * @example const customer = await updateCustomer(tx, s, id, { phone: null, locale: 'en' })
 */
export async function updateCustomer(db: Queryable, s: CoreServices, id: string, patch: CustomerPatch): Promise<Customer> {
  const current = await getCustomer(db, s, id)
  if (current.erasedAt !== null) throw customerErrors.ERASED({ customerId: id })
  const { externalId } = patch
  if (typeof externalId === 'string' && externalId !== current.externalId) {
    const holder = await findCustomerIdByExternalId(db, externalId)
    if (holder !== undefined && holder !== id) throw customerErrors.EXTERNAL_ID_TAKEN({ externalId })
  }
  const columns = toColumns(patch, s.pii)
  if (columns.length === 0) return current
  try {
    const row = await updateRow(db, s, ['id', id], columns)
    if (!row) throw customerErrors.NOT_FOUND({ customerId: id })
    return toCustomer(row, s.pii)
  } catch (err) {
    if (typeof externalId === 'string' && isUniqueViolation(err)) throw customerErrors.EXTERNAL_ID_TAKEN({ externalId }, err)
    throw err
  }
}

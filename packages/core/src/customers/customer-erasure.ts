/**
 * @module
 * The customer's privacy rights: erasure (personal data removed, the anonymous record and its
 * events kept) and export (everything stored about the customer as one document).
 */
import type { Queryable } from '@rapport/db'
import { listCustomerEvents, type StoredEvent } from '../events/event-log.js'
import { publishEvent } from '../events/publish-event.js'
import type { CoreServices } from '../services.js'
import { toCustomer, type CustomerRow } from './customer-row.js'
import { getCustomer } from './customer-store.js'
import type { Customer } from './schemas.js'

/** The personal fields an erasure removes, as named in the API. @example details: { fields: [...ERASED_FIELDS] } */
export const ERASED_FIELDS = ['externalId', 'name', 'email', 'phone', 'birthday', 'attributes'] as const

const ERASE = `UPDATE core_customers SET external_id = NULL, name = NULL, email_enc = NULL, email_hash = NULL,
  phone_enc = NULL, phone_hash = NULL, birthday = NULL, attributes = '{}', erased_at = ?, updated_at = ?
  WHERE id = ? AND erased_at IS NULL RETURNING *`

/**
 * Removes a customer's personal data and publishes `customer.erased` (plugins' rules and subscribers run); keeps id, locale, time zone,
 * createdAt and the events. Idempotent: erasing again returns the first erasure (`erasedNow` false).
 * Call it inside a transaction. 404 CUSTOMER_NOT_FOUND.
 * @example const { customer, erasedNow } = await s.db.tx((tx) => eraseCustomer(tx, s, id))
 */
export async function eraseCustomer(db: Queryable, s: CoreServices, id: string): Promise<{ customer: Customer; erasedNow: boolean }> {
  const current = await getCustomer(db, s, id)
  if (current.erasedAt !== null) return { customer: current, erasedNow: false }
  const at = s.now().toISOString()
  const row = await db.get<CustomerRow>(ERASE, [at, at, id])
  if (!row) return { customer: await getCustomer(db, s, id), erasedNow: false }
  await db.run('DELETE FROM core_message_addresses WHERE recipient_id = ?', [id]) // the WeChat openid goes with the rest
  await publishEvent(s, {
    type: 'customer.erased', customerId: id, payload: { fields: [...ERASED_FIELDS] }, occurredAt: at, idempotencyKey: `customer.erased:${id}`, source: 'core', emitter: 'core',
  }, db)
  return { customer: toCustomer(row, s.pii), erasedNow: true }
}

/** Everything stored about one customer. */
export type CustomerExport = { exportedAt: string; customer: Customer; events: StoredEvent[] }

/**
 * The customer and all its events, oldest first. 404 CUSTOMER_NOT_FOUND.
 * @example const doc = await exportCustomer(s.db, s, id)
 */
export async function exportCustomer(db: Queryable, s: CoreServices, id: string): Promise<CustomerExport> {
  const customer = await getCustomer(db, s, id)
  const events: StoredEvent[] = []
  let beforeSeq: number | undefined
  for (;;) {
    const page = await listCustomerEvents(db, id, { limit: 500, ...(beforeSeq === undefined ? {} : { beforeSeq }) })
    events.push(...page.items)
    if (page.nextBeforeSeq === null) break
    beforeSeq = page.nextBeforeSeq
  }
  return { exportedAt: s.now().toISOString(), customer, events: events.reverse() }
}

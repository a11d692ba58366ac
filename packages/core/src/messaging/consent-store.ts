/**
 * @module
 * Consent per customer and channel: an unsubscribe (or an admin's change) is recorded here and
 * every sender checks it before sending. No row means the customer has not withdrawn.
 */
import type { Queryable } from '@rapport/db'

/** A customer's consent on one channel. */
export type ConsentState = 'granted' | 'withdrawn'

/**
 * Records the customer's consent on a channel (the latest choice wins).
 * @example await recordConsent(tx, { customerId, channel: 'email', state: 'withdrawn', source: 'unsubscribe-link' }, now)
 */
export async function recordConsent(db: Queryable, c: { customerId: string; channel: string; state: ConsentState; source: string }, now: Date): Promise<void> {
  await db.run(
    `INSERT INTO core_message_consents (customer_id, channel, state, source, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, channel) DO UPDATE SET state = excluded.state, source = excluded.source, updated_at = excluded.updated_at`,
    [c.customerId, c.channel, c.state, c.source, now.toISOString()],
  )
}

/** Whether the customer withdrew consent on the channel. @example if (await hasWithdrawn(db, customerId, 'email')) return suppress('unsubscribed') */
export async function hasWithdrawn(db: Queryable, customerId: string, channel: string): Promise<boolean> {
  const row = await db.get<{ state: string }>('SELECT state FROM core_message_consents WHERE customer_id = ? AND channel = ?', [customerId, channel])
  return row?.state === 'withdrawn'
}

/** Every channel's consent of a customer. @example await consentsOf(db, customerId) // [{ channel: 'email', state: 'withdrawn', … }] */
export function consentsOf(db: Queryable, customerId: string): Promise<Array<{ channel: string; state: ConsentState; source: string; updatedAt: string }>> {
  return db.all('SELECT channel, state, source, updated_at AS "updatedAt" FROM core_message_consents WHERE customer_id = ? ORDER BY channel', [customerId])
}

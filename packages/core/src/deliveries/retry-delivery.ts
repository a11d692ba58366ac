/**
 * @module
 * An admin's retry: a dead (or still pending) delivery is due again now, with a fresh count of attempts.
 */
import type { Queryable } from '@rapport/db'
import { deliveryErrors } from '../errors/index.js'
import { toDelivery, type Delivery, type DeliveryRow } from './delivery-row.js'

const RETRY = `UPDATE core_deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, done_at = NULL
  WHERE id = ? AND state IN ('pending', 'dead')`

/**
 * Makes a pending or dead delivery due now with its attempts reset.
 * @param db - the database or the caller's transaction
 * @param id - the delivery id
 * @param now - the current time
 * @throws DELIVERY_NOT_FOUND (404), DELIVERY_NOT_RETRYABLE (409) when it is done or running
 * @example const delivery = await retryDelivery(tx, 'dlv_…', s.now())
 */
export async function retryDelivery(db: Queryable, id: string, now: Date): Promise<Delivery> {
  const { changes } = await db.run(RETRY, [now.toISOString(), id])
  const row = await db.get<DeliveryRow>('SELECT * FROM core_deliveries WHERE id = ?', [id])
  if (!row) throw deliveryErrors.NOT_FOUND({ deliveryId: id })
  if (changes !== 1) throw deliveryErrors.NOT_RETRYABLE({ deliveryId: id, state: row.state })
  return toDelivery(row)
}

/**
 * @module
 * The event bus's hook into deliveries: queues one row per after-commit subscriber, in the
 * event's own transaction, so a delivery exists exactly when its event was committed.
 */
import type { Queryable } from '@rapport/db'
import { newId } from '../crypto/tokens.js'
import type { StoredEvent } from '../events/event-log.js'
import type { CoreServices } from '../services.js'
import { DEFAULT_MAX_ATTEMPTS, subscriberName } from './delivery-row.js'
import { queueWebhookDeliveries } from '../messaging/webhooks/send-webhook.js'

const INSERT = `INSERT INTO core_deliveries (id, event_seq, event_id, subscriber, state, attempts, max_attempts, next_attempt_at, created_at)
  VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT DO NOTHING`

/**
 * Records, in the event's own transaction, one pending delivery per after-commit subscriber of
 * its type (`phase: 'afterCommit'`, same `type`) of core and the active plugins; the delivery worker
 * runs them after commit, and one per outgoing webhook endpoint that wants the type.
 * Idempotent: an event is queued once per subscriber.
 * @param s - the services (its runtime says who subscribes)
 * @param tx - the event's transaction
 * @param event - the event just appended
 * @example await db.tx(async (tx) => { const { event } = await appendEvent(tx, input, now); await enqueueDeliveries(s, tx, event) })
 */
export async function enqueueDeliveries(s: CoreServices, tx: Queryable, event: StoredEvent): Promise<void> {
  let now: string | undefined
  for (const subscriptions of [s.coreSubscriptions, ...s.runtime.active().map((p) => p.subscriptions)]) {
    for (const sub of subscriptions) {
      if (sub.options.phase !== 'afterCommit' || sub.type !== event.type) continue
      now ??= s.now().toISOString()
      await tx.run(INSERT, [newId('dlv'), event.seq, event.id, subscriberName(sub), maxAttemptsOf(sub.options.maxAttempts), now, now])
    }
  }
  await queueWebhookDeliveries(s, tx, event)
}

function maxAttemptsOf(value: number | undefined): number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 1 ? value : DEFAULT_MAX_ATTEMPTS
}

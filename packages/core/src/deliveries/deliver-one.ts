/**
 * @module
 * One attempt at one delivery: claim it, load its event, call the subscriber outside any
 * transaction with a time limit, and record the outcome. Failures are recorded, never thrown.
 */
import { actingAs, SYSTEM_ACTOR } from '../events/event-actor.js'
import { toStoredEvent } from '../events/event-log.js'
import { RapportError } from '../errors/index.js'
import type { RapportEvent } from '../plugins/contract.js'
import type { CoreServices } from '../services.js'
import { claimDelivery, deferDelivery, markDelivered, markFailed, postponeDelivery } from './delivery-claims.js'
import type { DeliveryRow } from './delivery-row.js'
import { findSubscription } from './find-subscription.js'
import { withTimeout } from '../async/with-timeout.js'
import { DeliveryDeferred } from './core-subscriptions.js'

/** What {@link deliverOne} needs from its worker. */
export type DeliverOptions = {
  workerId: string
  /** The wait after the attempt that just failed (from 1). */
  backoff: (attempt: number) => number
  /** A subscriber that takes longer fails this attempt. */
  handlerTimeoutMs: number
  /** A claim lasts the timeout plus this, so a live worker never loses its claim to another. */
  claimMarginMs: number
  /** When the plugin is disabled: how long until the delivery is looked at again. */
  inactiveRecheckMs: number
}

type EventRow = Parameters<typeof toStoredEvent>[0]

/**
 * Attempts one delivery. Returns true when an attempt was made (claimed and run), false when
 * another worker had it or its plugin is disabled (then it stays pending, no attempt counted).
 * @param s - the services
 * @param candidate - a due delivery from `dueDeliveries`
 * @param options - worker settings
 * @example const attempted = await deliverOne(s, { id, subscriber }, options)
 */
export async function deliverOne(s: CoreServices, candidate: { id: string; subscriber: string }, options: DeliverOptions): Promise<boolean> {
  const { workerId, handlerTimeoutMs, claimMarginMs } = options
  const now = s.now()
  const sub = findSubscription(s, candidate.subscriber)
  if (!sub) {
    await postponeDelivery(s.db, candidate.id, now.toISOString(), new Date(now.getTime() + options.inactiveRecheckMs).toISOString())
    return false
  }
  const until = new Date(now.getTime() + handlerTimeoutMs + claimMarginMs).toISOString()
  if (!(await claimDelivery(s.db, candidate.id, workerId, now.toISOString(), until))) return false

  const row = await s.db.get<DeliveryRow>('SELECT * FROM core_deliveries WHERE id = ?', [candidate.id])
  if (!row) return false
  const eventRow = await s.db.get<EventRow>('SELECT * FROM core_events WHERE id = ?', [row.event_id])
  const context = { plugin: sub.plugin, subscriber: row.subscriber, eventId: row.event_id, deliveryId: row.id }
  let failure: { message: string } | undefined
  if (!eventRow) {
    failure = { message: 'The event is no longer in the log' }
  } else {
    const stored = toStoredEvent(eventRow)
    const event = stored as unknown as RapportEvent
    try {
      // What the subscriber emits is caused by whoever caused the event it handles.
      await withTimeout(() => actingAs(stored.actor ?? SYSTEM_ACTOR, () => sub.handler(event, { tx: s.db, depth: 0 })), handlerTimeoutMs)
    } catch (err) {
      // Not yet (quiet hours): due again later, no attempt counted.
      if (err instanceof DeliveryDeferred) {
        await deferDelivery(s.db, row.id, workerId, err.until)
        return true
      }
      failure = { message: safeMessage(err) }
    }
  }

  const attempts = Number(row.attempts) + 1
  const done = s.now()
  if (!failure) {
    if (!(await markDelivered(s.db, row.id, workerId, done.toISOString()))) s.log.warn(context, 'delivery finished after its claim was taken over; it may be delivered again')
    return true
  }
  const dead = !eventRow || attempts >= Number(row.max_attempts)
  const retryAt = new Date(done.getTime() + (dead ? 0 : options.backoff(attempts))).toISOString()
  await markFailed(s.db, { id: row.id, workerId, attempts, dead, retryAt, error: failure.message })
  s.log.warn({ ...context, attempt: attempts, maxAttempts: Number(row.max_attempts), state: dead ? 'dead' : 'pending', ...(dead ? {} : { retryAt }), error: failure.message }, dead ? 'delivery failed for the last time' : 'delivery failed; will retry')
  return true
}

/** The error's code and message, never its other properties (they may hold personal data). */
function safeMessage(err: unknown): string {
  if (err instanceof RapportError) return `${err.code}: ${err.message}`
  if (err instanceof Error) return err.message || err.name
  return 'The subscriber threw a value that is not an Error'
}

/**
 * @module
 * What a delivery is, as stored in `core_deliveries` and as the API shows it.
 */

/** Where a delivery is: waiting (or waiting to be retried), claimed by a worker, delivered, or given up. */
export const DELIVERY_STATES = ['pending', 'running', 'done', 'dead'] as const
export type DeliveryState = (typeof DELIVERY_STATES)[number]

/** Attempts before a delivery is dead, unless the subscription sets `maxAttempts`. */
export const DEFAULT_MAX_ATTEMPTS = 5

/** One event for one after-commit subscriber. */
export type Delivery = {
  id: string
  eventSeq: number
  eventId: string
  /** `<plugin>:<subscription id>` */
  subscriber: string
  state: DeliveryState
  attempts: number
  maxAttempts: number
  nextAttemptAt: string
  claimedBy: string | null
  claimedUntil: string | null
  lastError: string | null
  createdAt: string
  doneAt: string | null
}

/** A `core_deliveries` row. */
export type DeliveryRow = {
  id: string; event_seq: number; event_id: string; subscriber: string; state: DeliveryState; attempts: number; max_attempts: number
  next_attempt_at: string; claimed_by: string | null; claimed_until: string | null; last_error: string | null; created_at: string; done_at: string | null
}

/** Maps a row. @example (await db.all<DeliveryRow>('SELECT * FROM core_deliveries')).map(toDelivery) */
export const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id, eventSeq: Number(r.event_seq), eventId: r.event_id, subscriber: r.subscriber, state: r.state,
  attempts: Number(r.attempts), maxAttempts: Number(r.max_attempts), nextAttemptAt: r.next_attempt_at,
  claimedBy: r.claimed_by, claimedUntil: r.claimed_until, lastError: r.last_error, createdAt: r.created_at, doneAt: r.done_at,
})

/**
 * The subscriber name of a subscription: `<plugin>:<subscription id>`.
 * @example subscriberName({ plugin: 'mailer', options: { id: 'welcome' } }) // 'mailer:welcome'
 */
export const subscriberName = (sub: { plugin: string; options: { id: string } }): string => `${sub.plugin}:${sub.options.id}`

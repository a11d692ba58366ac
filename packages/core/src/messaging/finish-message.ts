/**
 * @module
 * The end states of a message's delivery log, and its failed attempts: each writes the log and,
 * when the message ends, publishes `message.sent` or `message.failed` (ids, channel and template
 * only), so it shows on the customer's timeline.
 */
import { SYSTEM_ACTOR } from '../events/event-actor.js'
import { publishEvent } from '../events/publish-event.js'
import type { CoreServices } from '../services.js'
import type { MessageRow } from './message-row.js'
import type { MessageState } from './message-types.js'

/** How much of a failure's message is kept. */
const MAX_ERROR_LENGTH = 300

/** A failure's message without the addresses a provider may quote (`550 <lin@example.cn> unknown`). */
export const scrubError = (err: unknown): string =>
  (err instanceof Error ? err.message || err.name : 'The channel threw a value that is not an Error').replace(/[^\s<>"']+@[^\s<>"']+/g, '<address>').slice(0, MAX_ERROR_LENGTH)

type Outcome =
  | { state: 'sent'; channel: string; locale: string; providerId: string | null }
  | { state: Exclude<MessageState, 'queued' | 'sent' | 'delivered'>; reason: string; channel?: string; locale?: string; attempts?: number }

/**
 * Ends a queued message: sent (its data dropped), or failed, bounced or suppressed with the reason.
 * @example await finishMessage(s, row, { state: 'suppressed', reason: 'The customer unsubscribed from email' })
 */
export async function finishMessage(s: CoreServices, row: MessageRow, outcome: Outcome): Promise<void> {
  const now = s.now().toISOString()
  const sent = outcome.state === 'sent'
  const { changes } = await s.db.run(
    `UPDATE core_messages SET state = ?, channel = COALESCE(?, channel), locale = COALESCE(?, locale), data = NULL, updated_at = ?,
       attempts = ?, last_error = ?, provider_id = ?, sent_at = ? WHERE id = ? AND state = 'queued'`,
    [outcome.state, outcome.channel ?? null, outcome.locale ?? null, now, sent ? Number(row.attempts) + 1 : (outcome.attempts ?? Number(row.attempts)),
      sent ? null : outcome.reason, sent ? outcome.providerId : null, sent ? now : null, row.id],
  )
  if (changes !== 1) return
  await publishEvent(s, {
    type: sent ? 'message.sent' : 'message.failed', customerId: row.customer_id, emitter: 'core', source: 'core', occurredAt: now, actor: SYSTEM_ACTOR,
    payload: { messageId: row.id, plugin: row.plugin, key: row.key, template: row.template, ...(outcome.channel ? { channel: outcome.channel } : {}), ...(sent ? {} : { state: outcome.state }) },
    idempotencyKey: `message.finished:${row.id}`,
  })
}

/**
 * Counts a failed attempt. A permanent refusal bounces the message and the last allowed attempt
 * fails it; otherwise the error is thrown again so the delivery is retried with backoff.
 * @example await recordFailedAttempt(s, row, err, { channel: 'email', locale: 'en', maxAttempts: 8 })
 */
export async function recordFailedAttempt(s: CoreServices, row: MessageRow, err: unknown, at: { channel: string; locale: string; maxAttempts: number }): Promise<void> {
  const attempts = Number(row.attempts) + 1
  const reason = scrubError(err)
  const permanent = (err as { permanent?: unknown } | null)?.permanent === true
  if (permanent || attempts >= at.maxAttempts) {
    return finishMessage(s, row, { state: permanent ? 'bounced' : 'failed', reason, channel: at.channel, locale: at.locale, attempts })
  }
  await s.db.run("UPDATE core_messages SET attempts = ?, last_error = ?, channel = ?, locale = ?, updated_at = ? WHERE id = ? AND state = 'queued'",
    [attempts, reason, at.channel, at.locale, s.now().toISOString(), row.id])
  throw new Error(reason)
}

/**
 * @module
 * Core's after-commit subscriber of `message.bulk.started` (`core:bulk-send`): walks the send's
 * segment in id order, `perMinute` customers per run, and hands the delivery back to the worker for
 * a minute between runs (no attempt counted), or until the quiet hours end. Each customer gets one
 * recipient row, in the same transaction as its message, so a run that is repeated after a crash
 * skips who it already handled. Customers that cannot or may not be reached are recorded as
 * skipped with the reason instead of queueing a message that would be suppressed anyway.
 */
import type { Queryable } from '@rapport/db'
import type { SqlCondition } from '../../profile/profile-filter.js'
import { DeliveryDeferred } from '../../deliveries/core-subscriptions.js'
import type { RapportEvent } from '../../plugins/contract.js'
import type { Subscription } from '../../plugins/runtime.js'
import { savedSegmentCondition } from '../../segments/segment-members.js'
import { findSegment } from '../../segments/segment-store.js'
import type { CoreServices } from '../../services.js'
import { liveChannels } from '../message-channels.js'
import { loadMessagingSettings, type MessagingSettings } from '../messaging-settings.js'
import { queueMessage } from '../queue-message.js'
import { quietUntil } from '../quiet-hours.js'
import { findRecipient } from '../recipient.js'
import type { BulkSkipReason } from './bulk-schemas.js'
import { bulkSendRow, type BulkSendRow } from './bulk-store.js'

/** Time between two runs of one send. */
const RUN_EVERY_MS = 60_000

/** The subscription, bound to the services. @example coreSubscriptions: [bulkSendSubscription(() => services)] */
export function bulkSendSubscription(services: () => CoreServices): Subscription {
  return {
    plugin: 'core', type: 'message.bulk.started', options: { id: 'bulk-send', phase: 'afterCommit', maxAttempts: 8 },
    handler: (event) => runBulkBatch(services(), event),
  }
}

type Candidate = { id: string; consent: string | null; consent_source: string | null; recent: number | string; hasAddress?: boolean }

async function runBulkBatch(s: CoreServices, event: RapportEvent): Promise<void> {
  const row = await bulkSendRow(s.db, (event.payload as { bulkSendId: string }).bulkSendId)
  if (row.state === 'done') return
  const settings = await loadMessagingSettings(s, s.db)
  const quietEnd = settings.quietHours && quietUntil(s.now(), settings.quietHours, s.config.timeZone)
  if (quietEnd) {
    await s.db.run('UPDATE core_bulk_sends SET deferred_until = ?, updated_at = ? WHERE id = ?', [quietEnd.toISOString(), s.now().toISOString(), row.id])
    throw new DeliveryDeferred(quietEnd.toISOString(), 'quiet hours')
  }
  const segment = await findSegment(s.db, row.segment_id)
  const channel = liveChannels(s.runtime, settings).find((c) => c.name === row.channel)
  // A segment deleted or a channel gone meanwhile: nobody left can be reached; the rest is not looked at.
  const candidates = segment && channel ? await nextCandidates(s, row, savedSegmentCondition(s.runtime.fields(), segment), settings) : []
  // Addresses are read (and decrypted) as sending reads them, before the batch's transaction.
  for (const c of candidates) c.hasAddress = Boolean((await findRecipient(s, { customer_id: c.id, user_id: null }))?.[channel!.adapter.address])
  const done = candidates.length < Number(row.per_minute)
  await s.db.tx(async (tx) => {
    for (const c of candidates) await handleCustomer(s, tx, row, c, settings)
    const now = s.now().toISOString()
    await tx.run('UPDATE core_bulk_sends SET cursor = COALESCE(?, cursor), deferred_until = NULL, state = ?, updated_at = ?, finished_at = ? WHERE id = ?',
      [candidates.at(-1)?.id ?? null, done ? 'done' : 'running', now, done ? now : null, row.id])
  })
  if (!done) throw new DeliveryDeferred(new Date(s.now().getTime() + RUN_EVERY_MS).toISOString(), 'bulk send throttle')
}

/** The next customers of the segment after the cursor, with what deciding their outcome needs, in one query. */
function nextCandidates(s: CoreServices, row: BulkSendRow, where: SqlCondition, settings: MessagingSettings): Promise<Candidate[]> {
  const since = settings.budget ? new Date(s.now().getTime() - settings.budget.periodHours * 3600_000).toISOString() : s.now().toISOString()
  return s.db.all<Candidate>(
    `SELECT c.id,
       (SELECT k.state FROM core_message_consents k WHERE k.customer_id = c.id AND k.channel = ?) AS consent,
       (SELECT k.source FROM core_message_consents k WHERE k.customer_id = c.id AND k.channel = ?) AS consent_source,
       (SELECT COUNT(*) FROM core_messages m WHERE m.customer_id = c.id AND m.state IN ('sent', 'delivered') AND m.sent_at > ?) AS recent
     FROM core_customers c WHERE c.erased_at IS NULL AND ${where.sql} ${row.cursor === null ? '' : ' AND c.id > ?'} ORDER BY c.id LIMIT ?`,
    [row.channel, row.channel, since, ...where.params, ...(row.cursor === null ? [] : [row.cursor]), Number(row.per_minute)],
  )
}

/** Why a customer is skipped, or undefined when a message goes; the same checks sending makes, made before queueing. */
export function skipReason(c: Candidate, requireConsent: boolean, settings: MessagingSettings): BulkSkipReason | undefined {
  if (!c.hasAddress) return 'noAddress'
  if (c.consent === 'withdrawn') return c.consent_source === 'unsubscribe-link' ? 'unsubscribed' : 'noConsent'
  if (requireConsent && c.consent !== 'granted') return 'noConsent'
  if (settings.budget && Number(c.recent) >= settings.budget.max) return 'overBudget'
  return undefined
}

async function handleCustomer(s: CoreServices, tx: Queryable, row: BulkSendRow, c: Candidate, settings: MessagingSettings): Promise<void> {
  const now = s.now().toISOString()
  const claimed = await tx.get('INSERT INTO core_bulk_send_recipients (send_id, customer_id, outcome, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING customer_id', [row.id, c.id, 'queued', now])
  if (!claimed) return
  const reason = skipReason(c, Boolean(Number(row.require_consent)), settings)
  if (reason) {
    await tx.run('UPDATE core_bulk_send_recipients SET outcome = ? WHERE send_id = ? AND customer_id = ?', [reason, row.id, c.id])
    return
  }
  const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, string | number>) : row.data
  const { messageId } = await queueMessage(s, 'core', { to: { customerId: c.id }, template: row.template, channel: row.channel, data, key: `bulk:${row.id}:${c.id}`, tx })
  await tx.run('UPDATE core_bulk_send_recipients SET message_id = ? WHERE send_id = ? AND customer_id = ?', [messageId, row.id, c.id])
}

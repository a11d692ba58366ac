/**
 * @module
 * `ctx.deliver`: writes a message to the outbox in the caller's transaction (idempotent on the
 * plugin and key) and publishes `message.queued`, whose after-commit delivery sends it. Nothing is
 * sent before the caller commits; a caller that rolls back leaves no message.
 */
import type { Queryable } from '@rapport/db'
import { newId } from '../crypto/tokens.js'
import { customerErrors, messageErrors } from '../errors/index.js'
import { businessNow } from '../events/event-clock.js'
import { publishEvent } from '../events/publish-event.js'
import type { CoreServices } from '../services.js'
import { liveChannels } from './message-channels.js'
import type { MessageData, MessageRow } from './message-row.js'
import { findTemplate } from './message-templates.js'
import { messagingSettingsSchema } from './messaging-settings.js'
import type { DeliverInput, DeliverResult } from './message-types.js'

const INSERT = `INSERT INTO core_messages (id, plugin, key, customer_id, user_id, channel, template, data, state, attempts, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT (plugin, key) DO NOTHING RETURNING id`

/**
 * Queues a message from `plugin` (or `core`). Throws MESSAGE_TEMPLATE_NOT_FOUND, MESSAGE_CHANNEL_NOT_FOUND,
 * CUSTOMER_NOT_FOUND or MESSAGE_RECIPIENT_NOT_FOUND for a message that can never be sent.
 * @example const { messageId } = await queueMessage(s, 'complaint-tracking', { to: { customerId }, template: 'complaint.csat-survey', key: caseId, tx })
 */
export async function queueMessage(s: CoreServices, plugin: string, input: DeliverInput): Promise<DeliverResult> {
  const { to, template, data = {}, link, channel, key, tx } = input
  if (!findTemplate(template)) throw messageErrors.TEMPLATE_NOT_FOUND({ template })
  if (channel !== undefined && !liveChannels(s.runtime, messagingSettingsSchema.parse({})).some((c) => c.name === channel)) throw messageErrors.CHANNEL_NOT_FOUND({ channel })
  const run = async (q: Queryable): Promise<DeliverResult> => {
    const customerId = 'customerId' in to ? to.customerId : null
    const userId = 'userId' in to ? to.userId : null
    if (customerId !== null && !(await q.get('SELECT id FROM core_customers WHERE id = ?', [customerId]))) throw customerErrors.NOT_FOUND({ customerId })
    if (userId !== null && !(await q.get('SELECT id FROM core_users WHERE id = ?', [userId]))) throw messageErrors.RECIPIENT_NOT_FOUND({ recipient: userId })
    const now = s.now().toISOString()
    const stored: MessageData = { params: data, ...(link ? { link } : {}) }
    const inserted = await q.get<{ id: string }>(INSERT, [newId('msg'), plugin, key, customerId, userId, channel ?? null, template, JSON.stringify(stored), now, now])
    if (!inserted) {
      const first = (await q.get<Pick<MessageRow, 'id' | 'state'>>('SELECT id, state FROM core_messages WHERE plugin = ? AND key = ?', [plugin, key]))!
      return { messageId: first.id, state: first.state, duplicate: true }
    }
    const { event } = await publishEvent(s, {
      type: 'message.queued', customerId, payload: { messageId: inserted.id, plugin, template, ...(channel ? { channel } : {}), ...(userId ? { userId } : {}) },
      emitter: 'core', source: 'core', occurredAt: businessNow(s.now).toISOString(), idempotencyKey: `message.queued:${inserted.id}`,
    }, q)
    await q.run('UPDATE core_messages SET event_id = ? WHERE id = ?', [event.id, inserted.id])
    return { messageId: inserted.id, state: 'queued', duplicate: false }
  }
  return tx ? run(tx) : s.db.tx(run)
}

/**
 * @module
 * Core's after-commit subscriber of `message.queued` (`core:send-message`): sends one queued
 * message through its channel, after the checks every sender honours (the recipient still
 * exists and has a valid address, consent, quiet hours, the contact budget). The delivery worker
 * runs it at least once and retries it with backoff; the message's own log counts its attempts.
 */
import type { RapportEvent } from '../plugins/contract.js'
import type { Subscription } from '../plugins/runtime.js'
import { DeliveryDeferred } from '../deliveries/core-subscriptions.js'
import { issueCustomerLink } from '../links/customer-links.js'
import type { CoreServices } from '../services.js'
import { hasWithdrawn } from './consent-store.js'
import { finishMessage, recordFailedAttempt } from './finish-message.js'
import { liveChannels } from './message-channels.js'
import { dataOf, type MessageRow } from './message-row.js'
import { loadMessagingSettings, type MessagingSettings } from './messaging-settings.js'
import { quietUntil } from './quiet-hours.js'
import { findRecipient } from './recipient.js'
import { renderTemplate, templateLocale } from './render-template.js'
import { editedTexts } from './admin-routes/template-edits.js'
import { unsubscribeToken } from './unsubscribe-token.js'

/** Attempts before a message that keeps failing is given up (`failed`). */
export const MESSAGE_MAX_ATTEMPTS = 8

/**
 * The subscription, bound to the services.
 * @example const subs = [sendMessageSubscription(() => services)]
 */
export function sendMessageSubscription(services: () => CoreServices): Subscription {
  return {
    plugin: 'core', type: 'message.queued',
    options: { id: 'send-message', phase: 'afterCommit', maxAttempts: MESSAGE_MAX_ATTEMPTS + 2 },
    handler: (event) => sendMessage(services(), event),
  }
}

async function sendMessage(s: CoreServices, event: RapportEvent): Promise<void> {
  const messageId = (event.payload as { messageId?: unknown }).messageId
  const row = typeof messageId === 'string' ? await s.db.get<MessageRow>('SELECT * FROM core_messages WHERE id = ?', [messageId]) : undefined
  if (row?.state !== 'queued') return
  const settings = await loadMessagingSettings(s, s.db)
  const recipient = await findRecipient(s, row)
  if (!recipient) return finishMessage(s, row, { state: 'suppressed', reason: 'The recipient no longer exists or was erased' })
  const channels = liveChannels(s.runtime, settings)
  // A staff user's own choice (or the settings' default) when it can reach them; else the first channel with an address.
  const wanted = row.user_id !== null ? (recipient.channel ?? settings.staffChannel) : undefined
  const usable = (c: (typeof channels)[number]) => Boolean(recipient[c.adapter.address]) && (!c.adapter.ready || c.adapter.ready(c.config))
  const channel = row.channel !== null
    ? channels.find((c) => c.name === row.channel)
    : (channels.find((c) => c.name === wanted && usable(c)) ?? channels.find((c) => recipient[c.adapter.address]))
  if (!channel) return finishMessage(s, row, { state: 'suppressed', reason: row.channel ? `The ${row.channel} channel is not available` : 'The recipient has no address on any channel' })
  if (channel.adapter.ready && !channel.adapter.ready(channel.config)) return finishMessage(s, row, { state: 'suppressed', reason: `The ${channel.name} channel is not set up` })
  const address = recipient[channel.adapter.address]
  if (!address) return finishMessage(s, row, { state: 'suppressed', reason: `The recipient has no ${channel.adapter.address} for ${channel.name}` })
  if (!channel.adapter.validAddress(address)) return finishMessage(s, row, { state: 'failed', reason: `The recipient's ${channel.adapter.address} is not valid for ${channel.name}` })
  if (row.customer_id !== null) {
    if (await hasWithdrawn(s.db, row.customer_id, channel.name)) return finishMessage(s, row, { state: 'suppressed', reason: `The customer unsubscribed from ${channel.name}` })
    const quietEnd = settings.quietHours && quietUntil(s.now(), settings.quietHours, s.config.timeZone)
    if (quietEnd) throw new DeliveryDeferred(quietEnd.toISOString(), 'quiet hours')
    if (await overBudget(s, row.customer_id, settings)) return finishMessage(s, row, { state: 'suppressed', reason: 'The customer reached the contact budget' })
  }

  const locale = templateLocale(recipient.locale, settings.defaultLocale)
  const { params, link } = dataOf(row)
  // A link that expired before it could go out (quiet hours, a long outage, history being imported) opens nothing.
  if (link && link.expiresAt <= s.now().toISOString()) return finishMessage(s, row, { state: 'suppressed', reason: 'The link expired before the message could be sent' })
  const base = settings.publicUrl?.replace(/\/+$/, '') ?? ''
  // A customer's link is signed now; a staff user's is a page of the admin, where they sign in.
  const linkUrl = !link ? '' : row.customer_id
    ? base + link.path.replace('{token}', issueCustomerLink(s, { customerId: row.customer_id, purpose: row.plugin, linkId: link.linkId, expiresAt: link.expiresAt }).token)
    : base + link.path
  const unsubscribeUrl = row.customer_id ? `${base}/api/v1/messaging/unsubscribe/${unsubscribeToken(s.config.secret, row.customer_id, channel.name)}` : undefined
  const values = { customerName: recipient.name ?? '', ...params, link: linkUrl, unsubscribeUrl: unsubscribeUrl ?? '' }
  const texts = renderTemplate(row.template, locale, values, await editedTexts(s.db, row.template, locale))
  const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]))
  try {
    const { providerId } = await channel.adapter.send({ messageId: row.id, to: address, locale, ...texts, template: row.template, params: strings, ...(unsubscribeUrl ? { unsubscribeUrl } : {}) }, channel.config)
    await finishMessage(s, row, { state: 'sent', channel: channel.name, locale, providerId: providerId ?? null })
  } catch (err) {
    await recordFailedAttempt(s, row, err, { channel: channel.name, locale, maxAttempts: MESSAGE_MAX_ATTEMPTS })
  }
}

async function overBudget(s: CoreServices, customerId: string, settings: MessagingSettings): Promise<boolean> {
  if (!settings.budget) return false
  const since = new Date(s.now().getTime() - settings.budget.periodHours * 3600_000).toISOString()
  const row = await s.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM core_messages WHERE customer_id = ? AND state IN ('sent', 'delivered') AND sent_at > ?", [customerId, since])
  return Number(row?.n ?? 0) >= settings.budget.max
}

/**
 * @module
 * In-transaction subscriber of core's `message.sent`: an invitation this plugin sent through the
 * delivery service is marked sent at the time the message went out.
 */
import type { RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { markSent } from '../distribution/invitation-store.js'

const PREFIX = 'invitation:'

/** @example ctx.on('message.sent', markInvitationSent(ctx.name), { id: 'mark-invitation-sent', phase: 'inTransaction' }) */
export const markInvitationSent = (plugin: string) =>
  async function markInvitationSentOf(event: RapportEvent<'message.sent'>, { tx }: SubscriberContext): Promise<void> {
    const { plugin: sender, key } = event.payload
    if (sender === plugin && key.startsWith(PREFIX)) await markSent(tx, key.slice(PREFIX.length), event.occurredAt)
  }

/**
 * @module
 * The after-commit subscriber on `survey.invitation.created`: sends the invitation through
 * every enabled channel and records when it was sent. Runs at least once, retried by the host.
 */
import type { PluginContext, RapportEvent } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { markSent } from '../distribution/invitation-store.js'
import type { ChannelRegistry } from './delivery-channel.js'

/** @example ctx.on('survey.invitation.created', sendInvitation(ctx, channels), { id: 'send-invitation', phase: 'afterCommit' }) */
export function sendInvitation(ctx: Pick<PluginContext<SurveyConfig>, 'config' | 'db' | 'now'>, channels: ChannelRegistry) {
  return async function sendInvitationOf(event: RapportEvent<'survey.invitation.created'>): Promise<void> {
    const config = ctx.config
    const enabled = channels.list().filter((c) => c.enabled(config))
    if (enabled.length === 0 || !event.customerId) return
    const p = event.payload
    for (const channel of enabled) {
      await channel.send({
        type: 'survey.invitation.created', invitationId: p.invitationId, surveyId: p.surveyId, version: p.version, customerId: event.customerId,
        url: p.url, expiresAt: p.expiresAt, locale: p.locale, source: p.source,
      }, config)
    }
    await markSent(ctx.db, p.invitationId, ctx.now().toISOString())
  }
}

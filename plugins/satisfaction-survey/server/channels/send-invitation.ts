/**
 * @module
 * The after-commit subscriber on `survey.invitation.created`: signs the invitation's link again
 * from the stored invitation (the event does not carry it), sends it through every enabled
 * channel and records when it was sent. Runs at least once, retried by the host.
 */
import type { PluginContext, RapportEvent } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { invitationLink, pagePath } from '../distribution/invitation-link.js'
import { invitationById, markSent } from '../distribution/invitation-store.js'
import type { ChannelRegistry } from './delivery-channel.js'

/** @example ctx.on('survey.invitation.created', sendInvitation(ctx, channels), { id: 'send-invitation', phase: 'afterCommit' }) */
export function sendInvitation(ctx: Pick<PluginContext<SurveyConfig>, 'config' | 'db' | 'now' | 'issueCustomerLink'>, channels: ChannelRegistry) {
  return async function sendInvitationOf(event: RapportEvent<'survey.invitation.created'>): Promise<void> {
    const config = ctx.config
    const enabled = channels.list().filter((c) => c.enabled(config))
    if (enabled.length === 0 || !event.customerId) return
    const invitation = await invitationById(ctx.db, event.payload.invitationId)
    if (!invitation) return
    const url = pagePath(await invitationLink(ctx, ctx.db, invitation))
    for (const channel of enabled) {
      await channel.send({
        type: 'survey.invitation.created', invitationId: invitation.id, surveyId: invitation.surveyId, version: invitation.version, customerId: invitation.customerId,
        url, expiresAt: invitation.expiresAt, locale: invitation.locale, source: invitation.source,
      }, config)
    }
    await markSent(ctx.db, invitation.id, ctx.now().toISOString())
  }
}

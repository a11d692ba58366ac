/**
 * @module
 * In-transaction subscriber of `survey.invitation.created`: asks core's delivery service to send
 * the invitation to the customer, in the invitation's own transaction (so a rolled-back
 * invitation sends nothing), keyed on the invitation (so it is sent once). The link is signed
 * only when the message goes out, from the invitation's id and expiry; the token is never handed
 * over or stored. A complaint's CSAT survey (hidden `caseId`) uses the complaint template.
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { invitationById } from '../distribution/invitation-store.js'

/** The message key of an invitation; `markInvitationSent` reads it back. */
export const invitationMessageKey = (invitationId: string): string => `invitation:${invitationId}`

/** @example ctx.on('survey.invitation.created', deliverInvitation(ctx), { id: 'deliver-invitation', phase: 'inTransaction' }) */
export const deliverInvitation = (ctx: Pick<PluginContext<SurveyConfig>, 'deliver'>) =>
  async function deliverInvitationOf(event: RapportEvent<'survey.invitation.created'>, { tx }: SubscriberContext): Promise<void> {
    const invitation = await invitationById(tx, event.payload.invitationId)
    if (!invitation) return
    const forCase = typeof (invitation.hidden as { caseId?: unknown } | null)?.caseId === 'string'
    await ctx.deliver({
      to: { customerId: invitation.customerId }, template: forCase ? 'complaint.csat-survey' : 'survey.invitation',
      link: { path: '/s/{token}', linkId: invitation.id, expiresAt: invitation.expiresAt }, key: invitationMessageKey(invitation.id), tx,
    })
  }

/**
 * @module
 * The link of an invitation, signed from the invitation itself (its id, customer and expiry): the
 * issuing response returns it once and the sender signs it again when it sends it, so the token
 * is never stored, emitted nor logged, only its hash (to find the invitation it opens).
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { type Invitation, rekeyInvitation, tokenHash } from './invitation-store.js'

/** What signing needs from the plugin context. */
export type LinkDeps = Pick<PluginContext<SurveyConfig>, 'issueCustomerLink'>

/** The page path of a token. @example pagePath('abc.def') // '/s/abc.def' */
export const pagePath = (token: string): string => `/s/${token}`

/**
 * A new invitation's link: the invitation id is the link id, so {@link invitationLink} can sign it again.
 * @example const { token, expiresAt } = newInvitationLink(ctx, id, customerId, 30 * 86_400)
 */
export function newInvitationLink(deps: LinkDeps, invitationId: string, customerId: string, ttlSeconds: number): { token: string; expiresAt: string } {
  const { token, expiresAt } = deps.issueCustomerLink(customerId, { ttlSeconds, linkId: invitationId })
  return { token, expiresAt }
}

/**
 * The link of a stored invitation, signed again. An invitation created before links were signed
 * from their invitation (or under an earlier secret) is pointed at the new token, so what is sent
 * opens it.
 * @example const url = pagePath(await invitationLink(ctx, ctx.db, invitation))
 */
export async function invitationLink(deps: LinkDeps, q: Queryable, invitation: Pick<Invitation, 'id' | 'customerId' | 'expiresAt'>): Promise<string> {
  const { token } = deps.issueCustomerLink(invitation.customerId, { linkId: invitation.id, expiresAt: invitation.expiresAt })
  await rekeyInvitation(q, invitation.id, tokenHash(token))
  return token
}

/**
 * @module
 * Answers prefilled through a link (a score clicked in an email): the `prefill` parameter is
 * `<base64url(JSON answers)>.<signature>`, bound to one invitation and signed under the server's key.
 *
 * The plugin holds no key of its own. `ctx.issueCustomerLink` signs with a key derived from
 * RAPPORT_SECRET and gives the same token for the same inputs, so the token issued for a link id
 * made of the invitation and the digest of the answers is their signature: only the server can
 * make it, and changing one byte of the answers (or moving them to another invitation) breaks it.
 * Such a token opens nothing: no invitation has that link id (SURVEY_LINK_UNKNOWN).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { surveyErrors } from '../errors.js'
import type { LinkDeps } from '../distribution/invitation-link.js'
import type { Invitation } from '../distribution/invitation-store.js'

/** Longest `prefill` value taken: a link in an e-mail or SMS stays short. */
export const PREFILL_MAX_LENGTH = 2_000

type Bound = Pick<Invitation, 'id' | 'customerId' | 'expiresAt'>

function signatureOf(deps: LinkDeps, invitation: Bound, payload: string): string {
  const digest = createHash('sha256').update(`prefill\n${invitation.id}\n${payload}`).digest('base64url').slice(0, 32)
  const { token } = deps.issueCustomerLink(invitation.customerId, { linkId: `pf_${digest}`, expiresAt: invitation.expiresAt })
  return token.slice(token.lastIndexOf('.') + 1)
}

/**
 * The `prefill` value for answers on one invitation's link.
 * @example const url = `${pagePath(token)}?prefill=${signPrefill(ctx, invitation, { nps: 9 })}`
 */
export function signPrefill(deps: LinkDeps, invitation: Bound, answers: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(answers)).toString('base64url')
  return `${payload}.${signatureOf(deps, invitation, payload)}`
}

/**
 * The answers a `prefill` value carries, once its signature holds for this invitation; they still
 * go through the survey's validator like any answer. Throws SURVEY_PREFILL_INVALID (400) naming why.
 * @example const answers = readPrefill(ctx, invitation, c.req.query('prefill'))
 */
export function readPrefill(deps: LinkDeps, invitation: Bound, value: string): Record<string, unknown> {
  const dot = value.indexOf('.')
  const payload = value.slice(0, dot)
  if (dot < 1 || value.length > PREFILL_MAX_LENGTH) throw surveyErrors.PREFILL_INVALID({ reason: 'malformed' })
  const expected = Buffer.from(signatureOf(deps, invitation, payload))
  const given = Buffer.from(value.slice(dot + 1))
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw surveyErrors.PREFILL_INVALID({ reason: 'signature' })
  let answers: unknown
  try { answers = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) } catch { answers = undefined }
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) throw surveyErrors.PREFILL_INVALID({ reason: 'malformed' })
  return answers as Record<string, unknown>
}

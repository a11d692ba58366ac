/**
 * @module
 * The tracking token of a case filed through the anonymous form: `<caseId>.<signature>`, shown
 * once in the form's answer so the filer can open the case page again without an account.
 *
 * The plugin holds no key of its own, so the signature comes from `ctx.issueCustomerLink`, which
 * signs with a key derived from RAPPORT_SECRET and gives the same token for the same inputs. It
 * is applied twice: the inner signature (never shown) becomes the outer link id, so the outer
 * link's payload cannot be rebuilt from the token, and the signature the filer holds cannot be
 * replayed as a customer link. The token is a credential: it goes in no event, log or export.
 */
import { timingSafeEqual } from 'node:crypto'
import type { PluginContext } from '@rapport/plugin-sdk'

type Deps = Pick<PluginContext, 'issueCustomerLink'>

/** Far in the future and fixed, so the same case always gives the same token. */
const EXPIRES_AT = '2200-01-01T00:00:00.000Z'
const SUBJECT = 'complaint-tracking:anonymous'

const signatureOf = (deps: Deps, linkId: string): string => {
  const { token } = deps.issueCustomerLink(SUBJECT, { linkId, expiresAt: EXPIRES_AT })
  return token.slice(token.lastIndexOf('.') + 1)
}

const sign = (deps: Deps, caseId: string): string => signatureOf(deps, `trk_${signatureOf(deps, `case_${caseId}`)}`)

/** @example const trackingToken = trackingTokenOf(ctx, created.id) */
export const trackingTokenOf = (deps: Deps, caseId: string): string => `${caseId}.${sign(deps, caseId)}`

/**
 * The case id a tracking token opens, or null when it is malformed or its signature does not hold.
 * @example const caseId = caseOfTrackingToken(ctx, body.token)
 */
export function caseOfTrackingToken(deps: Deps, token: string): string | null {
  const dot = token.lastIndexOf('.')
  const caseId = token.slice(0, dot)
  if (dot < 1 || !/^[A-Za-z0-9_-]{1,64}$/.test(caseId)) return null
  const expected = Buffer.from(sign(deps, caseId))
  const given = Buffer.from(token.slice(dot + 1))
  return expected.length === given.length && timingSafeEqual(expected, given) ? caseId : null
}

/**
 * @module
 * Signed customer links: `<payload>.<signature>` where the payload names the customer, the
 * purpose (which plugin's pages it opens), an expiry and a link id, and the signature is an
 * HMAC with a key derived from RAPPORT_SECRET for this one use. A single-use link is spent on
 * first use (recorded in the database). Nothing personal is in the token.
 *
 * A token is a live credential: it is handed out once, in the response that issues it or to the
 * channel that sends it, and never stored, put in an event, an audit entry or a log line. A sender
 * that needs it later signs it again from what it stored (see {@link issueCustomerLink}).
 */
import { createHmac, hkdfSync } from 'node:crypto'
import { ormOf, type Queryable } from '@rapport/db'
import { randomToken, safeEqual } from '../crypto/tokens.js'
import type { CoreServices } from '../services.js'
import { coreSchema } from '../schema/drizzle/core-schema.js'
import { linkErrors } from './link-errors.js'

type Payload = { c: string; p: string; e: number; i: string; u?: 1 }

/** What a link grants once verified. */
export type CustomerLink = { customerId: string; purpose: string; linkId: string; expiresAt: string; singleUse: boolean }

const keys = new WeakMap<CoreServices, Buffer>()
const keyOf = (s: CoreServices) => {
  let key = keys.get(s)
  if (!key) keys.set(s, (key = Buffer.from(hkdfSync('sha256', s.config.secret, 'rapport', 'customer-link', 32))))
  return key
}
const sign = (s: CoreServices, body: string) => createHmac('sha256', keyOf(s)).update(body).digest('base64url')

/** How long a link lasts: a time to live from now, or a fixed expiry (to sign a known link again). */
export type LinkExpiry = { ttlSeconds: number; expiresAt?: undefined } | { expiresAt: string; ttlSeconds?: undefined }

/**
 * Issues a link token for one customer and purpose. The same customer, purpose, expiry (whole
 * seconds), link id and use give the same token, so whoever sends a link can sign it again from
 * what it stored (its record's id as `linkId`, and the expiry) instead of keeping or passing the
 * token itself. Without `linkId` the link gets a random one.
 * @example const { token } = issueCustomerLink(s, { customerId, purpose: 'points-membership', ttlSeconds: 7 * 86400 })
 * @example const again = issueCustomerLink(s, { customerId, purpose: 'satisfaction-survey', linkId: invitation.id, expiresAt: invitation.expiresAt })
 */
export function issueCustomerLink(s: CoreServices, options: { customerId: string; purpose: string; linkId?: string | undefined; singleUse?: boolean | undefined } & LinkExpiry): { token: string; link: CustomerLink } {
  const { customerId, purpose, linkId, singleUse = false } = options
  const e = options.expiresAt === undefined
    ? Math.floor(s.now().getTime() / 1000) + Math.max(1, Math.floor(options.ttlSeconds))
    : Math.floor(Date.parse(options.expiresAt) / 1000)
  if (!Number.isSafeInteger(e)) throw new TypeError(`Link expiry ${options.expiresAt} is not a date`)
  const payload: Payload = { c: customerId, p: purpose, e, i: linkId ?? randomToken(12), ...(singleUse ? { u: 1 } : {}) }
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return { token: `${body}.${sign(s, body)}`, link: toLink(payload) }
}

/**
 * Verifies a token: signature, expiry, and (for single-use links) that it was not used before,
 * spending it now. Throws LINK_INVALID, LINK_EXPIRED or LINK_USED (all 401).
 * @example const link = await verifyCustomerLink(s, s.db, token)
 */
export async function verifyCustomerLink(s: CoreServices, db: Queryable, token: string): Promise<CustomerLink> {
  const [body, signature] = token.split('.')
  if (!body || !signature || token.length > 1024 || !safeEqual(signature, sign(s, body))) throw linkErrors.INVALID()
  let payload: Payload
  try { payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload } catch { throw linkErrors.INVALID() }
  if (payload.e * 1000 <= s.now().getTime()) throw linkErrors.EXPIRED()
  if (payload.u) {
    const { linkUses } = coreSchema.of(db)
    const spent = await ormOf(db).insert(linkUses).values({ linkId: payload.i, usedAt: s.now().toISOString() }).onConflictDoNothing().returning({ linkId: linkUses.linkId })
    if (spent.length === 0) throw linkErrors.USED()
  }
  return toLink(payload)
}

function toLink(p: Payload): CustomerLink {
  return { customerId: p.c, purpose: p.p, linkId: p.i, expiresAt: new Date(p.e * 1000).toISOString(), singleUse: p.u === 1 }
}

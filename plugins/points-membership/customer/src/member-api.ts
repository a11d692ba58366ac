/**
 * @module
 * The one call the page makes: the member behind the link in the address.
 */
import type { MemberPageView } from '../../shared/schemas'

/** Why the page could not load: a bad, expired or spent link, a link for another page, not a member, or anything else. */
export type LoadProblem = 'link' | 'expired' | 'used' | 'wrongPage' | 'member' | 'other'

/** The problem the page shows for a refusal's code and status. @example problemOf(403, 'LINK_WRONG_PURPOSE') // 'wrongPage' */
export function problemOf(status: number, code: string | undefined): LoadProblem {
  if (code === 'LINK_WRONG_PURPOSE') return 'wrongPage'
  if (code === 'LINK_EXPIRED') return 'expired'
  if (code === 'LINK_USED') return 'used'
  return status === 401 || status === 403 ? 'link' : status === 404 ? 'member' : 'other'
}

/** The token of `/m/<token>`, or '' when the address has none. */
export const tokenOfPath = (pathname: string): string => decodeURIComponent(pathname.replace(/^\/m\/?/, '').split('/')[0] ?? '')

/** `GET /api/p/points-membership/me` with the link token. */
export async function loadMember(token: string): Promise<{ ok: true; member: MemberPageView } | { ok: false; problem: LoadProblem }> {
  if (!token) return { ok: false, problem: 'link' }
  try {
    const res = await fetch('/api/p/points-membership/me', { headers: { 'x-rapport-link': token, accept: 'application/json' }, credentials: 'omit' })
    if (res.ok) return { ok: true, member: (await res.json()) as MemberPageView }
    const body = (await res.json().catch(() => undefined)) as { error?: { code?: string } } | undefined
    return { ok: false, problem: problemOf(res.status, body?.error?.code) }
  } catch {
    return { ok: false, problem: 'other' }
  }
}

/** A redemption's outcome: the voucher, or the server's code (`other` when it gave none). */
export type RedeemOutcome = { ok: true; code: string; expiresAt: string } | { ok: false; code: string }

/** `POST /api/p/points-membership/me/redemptions`; the key makes a double tap redeem once. */
export async function redeem(token: string, rewardId: string, idempotencyKey: string): Promise<RedeemOutcome> {
  try {
    const res = await fetch('/api/p/points-membership/me/redemptions', {
      method: 'POST', credentials: 'omit',
      headers: { 'x-rapport-link': token, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ rewardId, idempotencyKey }),
    })
    const body = (await res.json().catch(() => undefined)) as { vouchers?: { code: string; expiresAt: string }[]; error?: { code?: string } } | undefined
    const voucher = body?.vouchers?.[0]
    if (res.ok && voucher) return { ok: true, code: voucher.code, expiresAt: voucher.expiresAt }
    return { ok: false, code: body?.error?.code ?? 'other' }
  } catch {
    return { ok: false, code: 'other' }
  }
}

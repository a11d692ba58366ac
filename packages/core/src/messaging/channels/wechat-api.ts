/**
 * @module
 * What the WeChat Official Account and WeCom (企业微信) channels share. Both APIs answer JSON
 * with `errcode` (0: success) and `errmsg`, and both take an `access_token` in the query that is
 * fetched with the app's credentials and lives `expires_in` seconds. The token is cached per
 * credentials until five minutes before it expires (wall-clock time: it is the provider's
 * clock, not the event's); a call answered 40001 (invalid credential), 40014 (invalid
 * access_token) or 42001 (access_token expired) fetches a fresh token and is tried once more.
 * Any other code fails the attempt with a readable reason; the adapter says which codes retrying
 * can change (system busy, rate limits, a wrong key an admin can fix) and which bounce.
 */
import { createHash } from 'node:crypto'
import { PermanentSendError } from '../message-types.js'

/** An answer of either API. */
export type WechatAnswer = { errcode?: number; errmsg?: string } & Record<string, unknown>

/** Codes that mean the token is no longer good: fetch a new one and try once more. */
export const TOKEN_REJECTED: ReadonlySet<number> = new Set([40001, 40014, 42001])

/** How long one request may take before the attempt fails (and is retried). */
const TIMEOUT_MS = 10_000
/** A token is renewed this long before the provider says it expires. */
const RENEW_EARLY_MS = 300_000

const tokens = new Map<string, { token: string; expiresAt: number }>()
const fetching = new Map<string, Promise<string>>()

/**
 * The cache key of one app's credentials (the secret only hashed, so it is never kept as a key).
 * @example tokenKey('wechat', appId, appSecret, apiBase)
 */
export const tokenKey = (...parts: string[]): string => createHash('sha256').update(parts.join('\n')).digest('hex')

/**
 * A JSON request to the provider; an unreachable server, a non-2xx answer or a body that is not
 * JSON throws (retried). `label` names the provider in the reason.
 * @example const answer = await wechatRequest('WeChat', url, { method: 'POST', body })
 */
export async function wechatRequest(label: string, url: string, init: { method?: string; body?: unknown } = {}): Promise<WechatAnswer> {
  const res = await fetch(url, {
    method: init.method ?? 'GET', signal: AbortSignal.timeout(TIMEOUT_MS),
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body), headers: { 'Content-Type': 'application/json; charset=utf-8' } }),
  })
  const answer = (await res.json().catch(() => undefined)) as WechatAnswer | undefined
  if (!res.ok || !answer || typeof answer !== 'object') throw new Error(`${label} answered HTTP ${res.status}`)
  return answer
}

/** The error of a refused call: `permanent` bounces the message, otherwise it is retried. */
export function wechatError(label: string, answer: WechatAnswer, readable: Record<number, string>, permanent: boolean): Error {
  const code = Number(answer.errcode)
  const reason = `${label} ${code}: ${readable[code] ?? 'refused'} (${String(answer.errmsg ?? '').slice(0, 160)})`
  return permanent ? new PermanentSendError(reason) : new Error(reason)
}

async function cachedToken(key: string, fetchToken: () => Promise<{ token: string; expiresIn: number }>): Promise<string> {
  const hit = tokens.get(key)
  if (hit && hit.expiresAt > Date.now()) return hit.token
  // One fetch per app at a time: concurrent sends wait for the same token.
  let pending = fetching.get(key)
  if (!pending) {
    pending = fetchToken()
      .then(({ token, expiresIn }) => {
        tokens.set(key, { token, expiresAt: Date.now() + Math.max(expiresIn * 1000 - RENEW_EARLY_MS, 60_000) })
        return token
      })
      .finally(() => fetching.delete(key))
    fetching.set(key, pending)
  }
  return pending
}

/**
 * Calls `call` with the app's cached token; when the provider rejects the token, drops it (unless
 * another send already replaced it), fetches a fresh one and calls once more.
 * @example const answer = await withAccessToken(key, fetchToken, (token) => wechatRequest('WeChat', `${base}?access_token=${token}`, { method: 'POST', body }))
 */
export async function withAccessToken(key: string, fetchToken: () => Promise<{ token: string; expiresIn: number }>, call: (token: string) => Promise<WechatAnswer>): Promise<WechatAnswer> {
  const token = await cachedToken(key, fetchToken)
  const answer = await call(token)
  if (!TOKEN_REJECTED.has(Number(answer.errcode))) return answer
  if (tokens.get(key)?.token === token) tokens.delete(key)
  return call(await cachedToken(key, fetchToken))
}

/** Forgets every cached token (tests start each case from a cold cache). @example forgetAccessTokens() */
export const forgetAccessTokens = (): void => tokens.clear()

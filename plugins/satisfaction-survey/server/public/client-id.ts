/**
 * @module
 * The public link's client id: one per browser, kept in a cookie (or sent back as `clientId` by
 * pages that cannot keep cookies, such as the embed), so a browser answers a survey once.
 */
import { randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'

/** The cookie's name. */
export const CLIENT_COOKIE = 'rapport_survey_client'
const FORMAT = /^[A-Za-z0-9_-]{16,64}$/

/** The client id the request carries (body first, then cookie), if well formed. @example clientIdOf(c, body.clientId) */
export function clientIdOf(c: Context, fromBody: string | undefined): string | undefined {
  const id = fromBody ?? getCookie(c, CLIENT_COOKIE)
  return id && FORMAT.test(id) ? id : undefined
}

/** Keeps the existing id or issues a new one, and (re)sets the cookie for a year. @example const clientId = ensureClientId(c) */
export function ensureClientId(c: Context): string {
  const id = clientIdOf(c, undefined) ?? randomBytes(18).toString('base64url')
  setCookie(c, CLIENT_COOKIE, id, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 365 * 86_400, secure: new URL(c.req.url).protocol === 'https:' })
  return id
}

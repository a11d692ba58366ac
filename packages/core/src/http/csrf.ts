/**
 * @module
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or Referer) must be this
 * server or a trusted origin. API-key calls carry no ambient credential and are not checked.
 */
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { authErrors } from '../errors/index.js'
import type { AppEnv } from './app-env.js'
import { SESSION_COOKIE } from './caller.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Options: extra trusted origins, and paths (sign-in) checked even without a cookie. */
export type OriginCheckOptions = { trustedOrigins?: string[]; alwaysCheck?: string[] }

/** @example app.use('/api/*', originCheck({ trustedOrigins: ['https://shop.example'] })) */
export function originCheck({ trustedOrigins = [], alwaysCheck = [] }: OriginCheckOptions = {}): MiddlewareHandler<AppEnv> {
  return async function originCheckOf(c, next) {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')) return next()
    const withCookie = getCookie(c, SESSION_COOKIE) !== undefined
    const checked = alwaysCheck.includes(c.req.path)
    if (!withCookie && !checked) return next()
    const origin = c.req.header('origin') ?? originOf(c.req.header('referer'))
    // A sign-in without Origin comes from a non-browser client: nothing ambient to abuse.
    if (origin === undefined && !withCookie) return next()
    const own = new URL(c.req.url).origin
    if (origin !== own && !trustedOrigins.includes(origin ?? '')) throw authErrors.CSRF_REJECTED()
    await next()
  }
}

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined
  try { return new URL(referer).origin } catch { return 'invalid' }
}

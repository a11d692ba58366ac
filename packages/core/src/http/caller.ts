/**
 * @module
 * Resolves who is calling, once per request: a session cookie, an API key, or nobody.
 */
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { resolveApiKey } from '../auth/api-key-store.js'
import { resolveSession } from '../auth/session-store.js'
import { verifyCustomerLink } from '../links/customer-links.js'
import { authErrors } from '../errors/index.js'
import type { CoreServices } from '../services.js'
import type { AppEnv } from './app-env.js'

/** The header a customer page sends its signed link in. */
export const LINK_HEADER = 'x-rapport-link'

/** Name of the session cookie. */
export const SESSION_COOKIE = 'rapport_session'

/**
 * Sets `c.get('caller')`: an API key, a customer's signed link (`x-rapport-link`), a session
 * cookie, or anonymous. An unknown API key or a bad link is refused outright (401) rather than
 * treated as anonymous, so a misconfigured integration or a stale link fails loudly.
 * @example app.use('/api/*', resolveCaller(services))
 */
export function resolveCaller(services: CoreServices): MiddlewareHandler<AppEnv> {
  const idleHours = services.config.sessionIdleHours ?? 12
  return async function resolveCallerOf(c, next) {
    c.set('caller', { kind: 'anonymous' })
    const authorization = c.req.header('authorization')
    if (authorization) {
      const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
      const resolved = key ? await resolveApiKey(services.db, key) : undefined
      if (!resolved) throw authErrors.INVALID_API_KEY()
      c.set('caller', { kind: 'apiKey', ...resolved })
      return next()
    }
    const link = c.req.header(LINK_HEADER)
    if (link) {
      const verified = await verifyCustomerLink(services, services.db, link)
      c.set('caller', { kind: 'customer', customerId: verified.customerId, purpose: verified.purpose, linkId: verified.linkId })
      return next()
    }
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const session = await resolveSession(services.db, token, services.now(), idleHours)
      if (session) c.set('caller', { kind: 'user', ...session })
    }
    await next()
  }
}

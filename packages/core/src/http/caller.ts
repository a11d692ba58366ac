/**
 * @module
 * Resolves who is calling, once per request: a session cookie, an API key, or nobody.
 */
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { resolveApiKey } from '../auth/api-key-store.js'
import { resolveSession } from '../auth/session-store.js'
import { authErrors } from '../errors/index.js'
import type { CoreServices } from '../services.js'
import type { AppEnv } from './app-env.js'

/** Name of the session cookie. */
export const SESSION_COOKIE = 'rapport_session'

/**
 * Sets `c.get('caller')`. An unknown API key is refused outright (401) rather than treated as
 * anonymous, so a misconfigured integration fails loudly.
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
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const session = await resolveSession(services.db, token, services.now(), idleHours)
      if (session) c.set('caller', { kind: 'user', ...session })
    }
    await next()
  }
}

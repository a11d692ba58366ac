/**
 * @module
 * Sign-in, sign-out and "who am I" for admin users.
 */
import { z } from '@hono/zod-openapi'
import { deleteCookie, setCookie } from 'hono/cookie'
import { authErrors } from '../errors/index.js'
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../crypto/passwords.js'
import { policies } from '../http/access.js'
import { allowedRoutes } from '../http/allowed-routes.js'
import { SESSION_COOKIE } from '../http/caller.js'
import { defineRoute, type RouteInfo } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from './login-throttle.js'
import { createSession, deleteSession } from './session-store.js'
import { findUserForLogin, getUser } from './user-store.js'
import { loginRequest, userSchema } from './schemas.js'

const userResponse = z.object({ user: userSchema })
const meResponse = z.object({
  user: userSchema,
  permissions: z.array(z.string()).openapi({ description: 'The routes this user may call (`METHOD /path/{param}`), from the policies the server enforces', example: ['GET /api/v1/customers'] }),
}).openapi('CurrentUser')

/**
 * The auth routes; `listRoutes` gives every route served now (core and active plugins), for the
 * permissions `GET /api/v1/auth/me` reports. @example createCoreApp(services) mounts them under /api/v1/auth
 */
export function authRoutes(s: CoreServices, listRoutes: () => readonly RouteInfo[] = () => []) {
  const idleHours = s.config.sessionIdleHours ?? 12

  const login = defineRoute(
    {
      method: 'post', path: '/api/v1/auth/login', access: policies.anonymous, tags: ['auth'], summary: 'Sign in',
      request: { body: jsonBody(loginRequest) },
      responses: { 200: jsonResponse(userResponse, 'Signed in; the session cookie is set'), 401: jsonResponse(errorBody, 'Wrong email or password'), 429: jsonResponse(errorBody, 'Throttled') },
    },
    async (c) => {
      const { email, password } = c.req.valid('json')
      const now = s.now()
      const emailKey = `email:${s.pii.hash(email.trim().toLowerCase())}`
      const address = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local'
      const addressKey = `ip:${s.pii.hash(address)}`
      await assertNotThrottled(s.db, [emailKey, addressKey], now)
      const user = await findUserForLogin(s.db, email)
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)
      if (!user || !ok || user.disabledAt !== null) {
        await recordLoginFailure(s.db, emailKey, now)
        await recordLoginFailure(s.db, addressKey, now, { maxFailures: 50 })
        throw authErrors.INVALID_CREDENTIALS()
      }
      await clearLoginFailures(s.db, emailKey)
      const token = await createSession(s.db, user.id, now, idleHours)
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true, sameSite: 'Lax', path: '/', maxAge: idleHours * 3600,
        secure: s.config.secureCookies ?? new URL(c.req.url).protocol === 'https:',
      })
      const { passwordHash: _hash, ...publicUser } = user
      return c.json({ user: publicUser }, 200)
    },
  )

  const logout = defineRoute(
    { method: 'post', path: '/api/v1/auth/logout', access: policies.signedIn, tags: ['auth'], summary: 'Sign out', responses: { 204: { description: 'Signed out' }, ...commonErrors } },
    async (c) => {
      const caller = c.get('caller')
      if (caller.kind === 'user') await deleteSession(s.db, caller.sessionId)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      return c.body(null, 204)
    },
  )

  const me = defineRoute(
    { method: 'get', path: '/api/v1/auth/me', access: policies.signedIn, tags: ['auth'], summary: 'The signed-in user and the routes their role may call', responses: { 200: jsonResponse(meResponse, 'The user and their permissions'), ...commonErrors } },
    async (c) => {
      const caller = c.get('caller')
      if (caller.kind !== 'user') throw authErrors.REQUIRED()
      return c.json({ user: await getUser(s.db, caller.userId), permissions: allowedRoutes(listRoutes(), caller) }, 200)
    },
  )

  return [login, logout, me]
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, ORIGIN, type TestApp, json } from '../testing/test-app.js'

const login = (t: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/v1/auth/login', { as: 'anonymous', body: { email, password }, headers })

describe.each(dialects)('auth on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(async () => { await t.reset() })
  afterAll(async () => { await t.close() })

  it('signs in with an HttpOnly SameSite cookie, answers me, and signs out', async () => {
    await t.cookieFor('agent')
    const res = await login(t, 'AGENT@rapport.test', 'correct-horse-battery')
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/rapport_session=[\w-]{40,}/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const session = cookie.split(';')[0]!
    const me = await t.request('GET', '/api/v1/auth/me', { as: { cookie: session } })
    expect(me.status).toBe(200)
    expect((await json(me)).user).toMatchObject({ email: 'agent@rapport.test', role: 'agent' })
    expect((await t.request('POST', '/api/v1/auth/logout', { as: { cookie: session } })).status).toBe(204)
    const after = await t.request('GET', '/api/v1/auth/me', { as: { cookie: session } })
    expect(after.status).toBe(401)
    expect((await json(after)).error.code).toBe('AUTH_REQUIRED')
  })

  it('reports with me the routes the role may call, from the policies the server enforces', async () => {
    const permissions = async (role: 'owner' | 'agent' | 'analyst') => (await json(await t.request('GET', '/api/v1/auth/me', { as: role }))).permissions as string[]
    const [owner, agent, analyst] = [await permissions('owner'), await permissions('agent'), await permissions('analyst')]
    expect(owner).toContain('POST /api/v1/customers/{id}/erase')
    expect(agent).not.toContain('POST /api/v1/customers/{id}/erase')
    expect(agent).toContain('PATCH /api/v1/customers/{id}')
    expect(analyst).toContain('GET /api/v1/customers/{id}')
    expect(analyst).not.toContain('PATCH /api/v1/customers/{id}')
    expect(analyst).not.toContain('POST /api/v1/users')
    // Nothing outside what the server serves, and nothing the role is refused.
    for (const key of analyst) {
      const [method, path] = key.split(' ') as [string, string]
      if (method !== 'GET' || path.includes('{') || path.includes('export') || path === '/api/v1/customers/names') continue
      const res = await t.request(method, path, { as: 'analyst' })
      expect([401, 403], key).not.toContain(res.status)
    }
  })

  it('stores sessions and passwords only as hashes', async () => {
    const cookie = await t.cookieFor('admin')
    const token = cookie.split('=')[1]!
    const sessions = await t.db.all<{ id: string }>('SELECT id FROM core_sessions')
    expect(sessions.some((s) => s.id === token)).toBe(false)
    const users = await t.db.all<{ password_hash: string }>('SELECT password_hash FROM core_users')
    expect(users.every((u) => u.password_hash.startsWith('scrypt$') && !u.password_hash.includes('correct-horse'))).toBe(true)
  })

  it('refuses a wrong password with a coded 401 and throttles after repeated failures', async () => {
    await t.cookieFor('analyst')
    for (let i = 0; i < 5; i++) {
      const res = await login(t, 'analyst@rapport.test', 'wrong-password')
      expect(res.status).toBe(401)
      expect((await json(res)).error.code).toBe('AUTH_INVALID_CREDENTIALS')
    }
    const throttled = await login(t, 'analyst@rapport.test', 'correct-horse-battery')
    expect(throttled.status).toBe(429)
    const body = await json(throttled)
    expect(body.error.code).toBe('AUTH_THROTTLED')
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0)
    expect(throttled.headers.get('retry-after')).toBe(String(body.error.details.retryAfterSeconds))
    t.advance(31_000)
    expect((await login(t, 'analyst@rapport.test', 'correct-horse-battery')).status).toBe(200)
  })

  it('answers an unknown email exactly like a wrong password', async () => {
    const res = await login(t, 'nobody@rapport.test', 'whatever-password')
    expect(res.status).toBe(401)
    expect((await json(res)).error.code).toBe('AUTH_INVALID_CREDENTIALS')
  })

  it('rejects cookie-authenticated writes from another origin (CSRF)', async () => {
    const cookie = await t.cookieFor('owner')
    const foreign = await t.request('POST', '/api/v1/auth/logout', { as: { cookie }, headers: { origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    expect((await json(foreign)).error.code).toBe('AUTH_CSRF_REJECTED')
    const noOrigin = await t.app.request(`${ORIGIN}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } })
    expect(noOrigin.status).toBe(403)
    const sameSite = await t.request('POST', '/api/v1/auth/logout', { as: { cookie } })
    expect(sameSite.status).toBe(204)
  })

  it('refuses a sign-in posted from another origin', async () => {
    await t.cookieFor('agent')
    const res = await login(t, 'agent@rapport.test', 'correct-horse-battery', { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })

  it('lets owners and admins manage users, and nobody else', async () => {
    const body = { email: 'new.agent@rapport.test', name: 'New Agent', role: 'agent', password: 'a-long-password' }
    expect((await t.request('POST', '/api/v1/users', { as: 'agent', body })).status).toBe(403)
    expect((await t.request('POST', '/api/v1/users', { as: 'analyst', body })).status).toBe(403)
    expect((await t.request('POST', '/api/v1/users', { as: 'anonymous', body })).status).toBe(401)
    const created = await t.request('POST', '/api/v1/users', { as: 'admin', body })
    expect(created.status).toBe(201)
    const user = await json(created)
    expect(user).not.toHaveProperty('passwordHash')
    const again = await t.request('POST', '/api/v1/users', { as: 'admin', body })
    expect(again.status).toBe(409)
    expect((await json(again)).error.code).toBe('AUTH_USER_EXISTS')
    expect((await t.request('POST', '/api/v1/users', { as: 'admin', body: { ...body, email: 'o@rapport.test', role: 'owner' } })).status).toBe(403)
    expect((await t.request('POST', '/api/v1/users', { as: 'owner', body: { ...body, email: 'o@rapport.test', role: 'owner' } })).status).toBe(201)
    const list = await json(await t.request('GET', '/api/v1/users', { as: 'admin' }))
    expect(list.items.map((u: { email: string }) => u.email)).toContain('new.agent@rapport.test')
    const audit = await t.db.all<{ action: string; details: string }>("SELECT action, details FROM core_audit_log WHERE action = 'user.created'")
    expect(audit.length).toBe(2)
    expect(audit.every((a) => !a.details.includes('rapport.test'))).toBe(true)
  })

  it('disabling a user ends their sessions; the last owner cannot be demoted', async () => {
    const agentCookie = await t.cookieFor('agent')
    const users = (await json(await t.request('GET', '/api/v1/users', { as: 'owner' }))).items as Array<{ id: string; role: string }>
    const agent = users.find((u) => u.role === 'agent')!
    const owner = users.find((u) => u.role === 'owner')!
    expect((await t.request('PATCH', `/api/v1/users/${agent.id}`, { as: 'owner', body: { disabled: true } })).status).toBe(200)
    expect((await t.request('GET', '/api/v1/auth/me', { as: { cookie: agentCookie } })).status).toBe(401)
    const demote = await t.request('PATCH', `/api/v1/users/${owner.id}`, { as: 'owner', body: { role: 'admin' } })
    expect(demote.status).toBe(409)
    expect((await json(demote)).error.code).toBe('AUTH_LAST_OWNER')
    expect((await t.request('PATCH', '/api/v1/users/usr_missing', { as: 'owner', body: { name: 'x' } })).status).toBe(404)
  })

  it('shows an API key once, stores it hashed, enforces its scopes, and revokes it', async () => {
    const created = await t.request('POST', '/api/v1/api-keys', { as: 'admin', body: { name: 'shop', scopes: ['customers:read'] } })
    expect(created.status).toBe(201)
    const { key, apiKey } = await json(created)
    expect(key).toMatch(/^rk_[0-9a-f]{16}\./)
    const stored = await t.db.all<{ secret_hash: string }>('SELECT secret_hash FROM core_api_keys')
    expect(stored.some((r) => key.includes(r.secret_hash))).toBe(false)
    const listed = await json(await t.request('GET', '/api/v1/api-keys', { as: 'admin' }))
    expect(JSON.stringify(listed)).not.toContain(key.split('.')[1])
    expect((await t.request('GET', '/api/v1/users', { as: { apiKey: key } })).status).toBe(403)
    expect((await t.request('DELETE', `/api/v1/api-keys/${apiKey.id}`, { as: 'agent' })).status).toBe(403)
    expect((await t.request('DELETE', `/api/v1/api-keys/${apiKey.id}`, { as: 'admin' })).status).toBe(200)
    const revoked = await t.request('GET', '/api/v1/auth/me', { as: { apiKey: key } })
    expect(revoked.status).toBe(401)
    expect((await json(revoked)).error.code).toBe('AUTH_INVALID_API_KEY')
    expect((await t.request('POST', '/api/v1/api-keys', { as: 'admin', body: { name: 'x', scopes: ['everything'] } })).status).toBe(400)
  })
})

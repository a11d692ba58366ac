import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>

describe.each(dialects)('staff directory on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const addUser = async (name: string, role: string) => {
    const res = await t.request('POST', '/api/v1/users', { body: { email: `${name.replace(/\W/g, '').toLowerCase() || 'x'}${role}@example.com`, name, role, password: 'long-enough-pass' } })
    expect(res.status).toBe(201)
    return ((await res.json()) as Json).id as string
  }

  it('lists every user by name and role to any signed-in role, without emails, disabled accounts last and marked', async () => {
    const li = await addUser('李娜', 'agent')
    const gone = await addUser('Alan Gone', 'agent')
    expect((await t.request('PATCH', `/api/v1/users/${gone}`, { body: { disabled: true } })).status).toBe(200)
    for (const as of ['agent', 'analyst'] as const) {
      const res = await t.request('GET', '/api/v1/staff', { as })
      expect(res.status).toBe(200)
      const { items } = (await res.json()) as { items: Json[] }
      expect(items).toContainEqual({ id: li, name: '李娜', role: 'agent', active: true })
      expect(items.at(-1)).toEqual({ id: gone, name: 'Alan Gone', role: 'agent', active: false })
      expect(JSON.stringify(items)).not.toContain('@example.com')
    }
  })

  it('refuses callers who are not signed-in staff', async () => {
    expect((await t.request('GET', '/api/v1/staff', { as: 'anonymous' })).status).toBe(401)
    const key = await t.apiKey(['customers:read'])
    const res = await t.request('GET', '/api/v1/staff', { as: { apiKey: key } })
    expect(res.status).toBe(403)
    expect(((await res.json()) as Json).error.code).toBe('AUTH_FORBIDDEN')
  })
})

/**
 * The audit log API: who changed what, when, through GET /api/v1/audit. Entries are made by the
 * real routes (users, API keys), read back newest first with names, filtered by actor, action,
 * entity type and days in the business time zone (Asia/Shanghai here), walked page by page, and
 * every filter's plan walks an index.
 */
import type { SqlValue } from '@rapport/db'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditListStatement } from '../src/audit/audit-list.js'
import { auditListQuery } from '../src/audit/audit-schemas.js'
import { API_SCOPES } from '../src/http/app-env.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

type Entry = { id: string; at: string; action: string; actor: { type: string; id: string | null; name: string | null }; target: { type: string; id: string | null; name: string | null } | null; details: Record<string, unknown> }
type AuditPage = { items: Entry[]; nextCursor: string | null }

const HOUR = 3_600_000

describe.each(dialects)('audit log on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const audit = async (query = ''): Promise<AuditPage> => {
    const res = await t.request('GET', `/api/v1/audit${query ? `?${query}` : ''}`)
    expect(res.status).toBe(200)
    return json(res)
  }
  /** Moves the clock in short steps, so the owner's idle session stays alive. */
  const passHours = async (hours: number) => {
    for (let left = hours; left > 0; left -= 4) {
      t.advance(Math.min(4, left) * HOUR)
      expect((await t.request('GET', '/api/v1/auth/me')).status).toBe(200)
    }
  }
  const me = async () => (await json(await t.request('GET', '/api/v1/auth/me'))).user as { id: string; name: string }

  /** The owner creates an agent, then a key, then revokes the key: three entries, one hour apart. */
  async function story() {
    const agent = await json(await t.request('POST', '/api/v1/users', { body: { email: 'agent.li@example.com', name: 'Li Agent', role: 'agent', password: 'long-enough-pw' } }))
    t.advance(HOUR)
    const { apiKey } = await json(await t.request('POST', '/api/v1/api-keys', { body: { name: 'Shop sync', scopes: ['customers:read'] } }))
    t.advance(HOUR)
    expect((await t.request('DELETE', `/api/v1/api-keys/${apiKey.id}`)).status).toBe(200)
    return { agent: agent as { id: string }, keyId: apiKey.id as string }
  }

  it('lists who changed what, newest first, with the names of actors and entities', async () => {
    const { agent, keyId } = await story()
    const owner = await me()
    const page = await audit()
    expect(page.items.map((e) => e.action)).toEqual(['api-key.revoked', 'api-key.created', 'user.created'])
    expect(page.items.every((e) => e.actor.type === 'user' && e.actor.id === owner.id && e.actor.name === owner.name)).toBe(true)
    expect(page.items[0]!.target).toEqual({ type: 'api-key', id: keyId, name: 'Shop sync' })
    expect(page.items[1]!.details).toEqual({ scopes: ['customers:read'] })
    expect(page.items[2]!.target).toEqual({ type: 'user', id: agent.id, name: 'Li Agent' })
    expect(page.items[2]!.details).toEqual({ role: 'agent' })
    expect(page.items[2]!.at).toBe('2026-06-01T08:00:00.000Z')
    expect(page.nextCursor).toBeNull()
  })

  it('names an API key that acted, and filters by actor and by actor kind', async () => {
    await story()
    const owner = await me()
    const key = await t.apiKey(['customers:write'])
    const keyId = /^rk_([0-9a-f]+)\./.exec(key)![1]!
    expect((await t.request('POST', '/api/v1/customers', { body: { externalId: 'c-1' }, as: { apiKey: key } })).status).toBe(201)

    const byKey = await audit(`actor=${keyId}`)
    expect(byKey.items.map((e) => [e.action, e.actor])).toEqual([['customer.created', { type: 'apiKey', id: keyId, name: 'test' }]])
    expect((await audit(`actor=${owner.id}`)).items).toHaveLength(3)
    expect((await audit('actorType=apiKey')).items.map((e) => e.action)).toEqual(['customer.created'])
    expect((await audit('actor=usr_nobody')).items).toEqual([])
  })

  it('filters by action and by entity type, and combines filters', async () => {
    await story()
    expect((await audit('action=user.created')).items.map((e) => e.target?.name)).toEqual(['Li Agent'])
    expect((await audit('targetType=api-key')).items.map((e) => e.action)).toEqual(['api-key.revoked', 'api-key.created'])
    expect((await audit('targetType=api-key&action=api-key.created')).items).toHaveLength(1)
    expect((await audit('targetType=user&action=api-key.created')).items).toEqual([])
  })

  it('filters by days in the business time zone, both days included', async () => {
    // 08:00Z is 16:00 in Shanghai on June 1; 10 hours later it is already June 2 there.
    await t.request('POST', '/api/v1/users', { body: { email: 'a@example.com', name: 'A', role: 'agent', password: 'long-enough-pw' } })
    await passHours(10)
    await t.request('POST', '/api/v1/users', { body: { email: 'b@example.com', name: 'B', role: 'analyst', password: 'long-enough-pw' } })
    await passHours(23) // 01:00 on June 3 in Shanghai
    await t.request('POST', '/api/v1/users', { body: { email: 'c@example.com', name: 'C', role: 'admin', password: 'long-enough-pw' } })

    const names = async (q: string) => (await audit(`action=user.created&${q}`)).items.map((e) => e.target?.name)
    expect(await names('from=2026-06-01&to=2026-06-01')).toEqual(['A'])
    expect(await names('from=2026-06-02&to=2026-06-02')).toEqual(['B'])
    expect(await names('from=2026-06-02')).toEqual(['C', 'B'])
    expect(await names('to=2026-06-02')).toEqual(['B', 'A'])
    expect(await names('from=2026-06-04')).toEqual([])
  })

  it('walks every page once, in order, with the filters kept', async () => {
    for (let i = 0; i < 12; i++) {
      await t.request('POST', '/api/v1/api-keys', { body: { name: `key ${i}`, scopes: ['events:write'] } })
      if (i % 3 === 0) t.advance(1000)
    }
    const all = await audit('action=api-key.created&limit=200')
    expect(all.items).toHaveLength(12)
    const walked: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: AuditPage = await audit(`action=api-key.created&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      walked.push(...page.items.map((e) => e.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(walked).toEqual(all.items.map((e) => e.id))
    expect(all.items.map((e) => e.target?.name)).toEqual(Array.from({ length: 12 }, (_, i) => `key ${11 - i}`))
  })

  it('is for owners and admins only', async () => {
    await story()
    expect((await t.request('GET', '/api/v1/audit', { as: 'admin' })).status).toBe(200)
    for (const role of ['agent', 'analyst'] as const) {
      const res = await t.request('GET', '/api/v1/audit', { as: role })
      expect(res.status).toBe(403)
      expect((await json(res)).error.code).toBe('AUTH_FORBIDDEN')
    }
    expect((await t.request('GET', '/api/v1/audit', { as: { apiKey: await t.apiKey([...API_SCOPES]) } })).status).toBe(403)
    expect((await t.request('GET', '/api/v1/audit', { as: 'anonymous' })).status).toBe(401)
  })

  it.each([
    ['cursor=bm90LWEtY3Vyc29y', 'REQUEST_INVALID_CURSOR'],
    ['from=2026-06-03&to=2026-06-01', 'REQUEST_INVALID'],
    ['from=2026-13-45', 'REQUEST_INVALID'],
    ['from=yesterday', 'REQUEST_INVALID'],
    ['limit=0', 'REQUEST_INVALID'],
    ['actorType=robot', 'REQUEST_INVALID'],
    ['sort=at', 'REQUEST_INVALID'],
  ])('refuses %s with %s', async (query, code) => {
    const res = await t.request('GET', `/api/v1/audit?${query}`)
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe(code)
  })

  it('offers the API key scopes the server knows', async () => {
    const res = await t.request('GET', '/api/v1/api-keys/scopes')
    expect(res.status).toBe(200)
    expect((await json(res)).items).toEqual([...API_SCOPES])
    expect((await t.request('GET', '/api/v1/api-keys/scopes', { as: 'agent' })).status).toBe(403)
  })

  it.each([
    [{ actor: 'usr_x' }, 'core_audit_log_actor'],
    [{ action: 'user.created' }, 'core_audit_log_action'],
    [{ targetType: 'user' }, 'core_audit_log_target'],
  ])('reads a filtered page through an index (%o)', async (filter, index) => {
    const { sql, params } = auditListStatement(t.db, auditListQuery.parse({ ...filter, cursor: undefined }), 'Asia/Shanghai').toSQL()
    // PostgreSQL would scan a table this small; forbidding the scan shows the index serves the query.
    if (dialect === 'pglite') await t.db.run('SET enable_seqscan = off')
    const plan = await t.db.all<Record<string, unknown>>(`${dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${sql}`, params as SqlValue[])
    if (dialect === 'pglite') await t.db.run('SET enable_seqscan = on')
    const text = plan.map((row) => Object.values(row).join(' ')).join('\n')
    expect(text).toContain(index)
    expect(text).not.toMatch(/TEMP B-TREE FOR ORDER BY|Sort Key/)
  })
})

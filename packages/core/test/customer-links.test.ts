import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { notesPlugin, reportsPlugin } from './fixtures/fixture-plugins.js'

describe.each(dialects)('signed customer links on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [notesPlugin, reportsPlugin] }) }, 60_000)
  beforeEach(async () => { await t.reset() })
  afterAll(async () => { await t.close() })

  const customer = async () => (await json(await t.request('POST', '/api/v1/customers', { body: { externalId: `c-${Math.random()}` } }))).id as string
  const link = async (id: string, body: Record<string, unknown> = {}) => t.request('POST', `/api/v1/customers/${id}/links`, { as: 'agent', body: { purpose: 'notes', ...body } })

  it('opens the customer routes of its plugin for its own customer only', async () => {
    const id = await customer()
    const res = await link(id)
    expect(res.status).toBe(201)
    const { token, expiresAt } = await json(res)
    expect(Date.parse(expiresAt)).toBe(t.services.now().getTime() + 7 * 86_400_000)
    expect(token).not.toContain(id)
    expect(await json(await t.request('GET', `/api/p/notes/mine/${id}`, { as: { link: token } }))).toEqual({ customerId: id })
    const other = await customer()
    const cross = await t.request('GET', `/api/p/notes/mine/${other}`, { as: { link: token } })
    expect(cross.status).toBe(403)
    expect((await json(cross)).error.code).toBe('LINK_WRONG_CUSTOMER')
    const staffOnly = await t.request('GET', '/api/p/notes/notes', { as: { link: token } })
    expect(staffOnly.status).toBe(403)
    expect((await t.request('GET', `/api/v1/customers/${id}`, { as: { link: token } })).status).toBe(403)
  })

  it('tells a link for another plugin\'s pages apart: LINK_WRONG_PURPOSE on customer routes, AUTH_FORBIDDEN on staff routes', async () => {
    const id = await customer()
    const { token } = await json(await link(id, { purpose: 'reports' }))
    const wrong = await t.request('GET', `/api/p/notes/mine/${id}`, { as: { link: token } })
    expect(wrong.status).toBe(403)
    expect((await json(wrong)).error).toMatchObject({ code: 'LINK_WRONG_PURPOSE', details: { purpose: 'reports', needs: 'notes' } })
    const staffOnly = await t.request('GET', '/api/p/notes/notes', { as: { link: token } })
    expect(staffOnly.status).toBe(403)
    expect((await json(staffOnly)).error.code).toBe('AUTH_FORBIDDEN')
  })

  it('expires, refuses tampering, and spends single-use links', async () => {
    const id = await customer()
    const { token } = await json(await link(id, { ttlHours: 1 }))
    const [body, sig] = token.split('.')
    const forged = JSON.parse(Buffer.from(body, 'base64url').toString())
    forged.e += 86_400
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`
    expect((await json(await t.request('GET', `/api/p/notes/mine/${id}`, { as: { link: tampered } }))).error.code).toBe('LINK_INVALID')
    t.advance(3_600_001)
    const expired = await t.request('GET', `/api/p/notes/mine/${id}`, { as: { link: token } })
    expect(expired.status).toBe(401)
    expect((await json(expired)).error.code).toBe('LINK_EXPIRED')
    const once = (await json(await link(id, { singleUse: true }))).token
    expect((await t.request('GET', `/api/p/notes/mine/${id}`, { as: { link: once } })).status).toBe(200)
    expect((await json(await t.request('GET', `/api/p/notes/mine/${id}`, { as: { link: once } }))).error.code).toBe('LINK_USED')
  })

  it('only staff create links, for an enabled plugin and a known customer', async () => {
    const id = await customer()
    expect((await t.request('POST', `/api/v1/customers/${id}/links`, { as: 'analyst', body: { purpose: 'notes' } })).status).toBe(403)
    expect((await json(await link(id, { purpose: 'nope' }))).error.code).toBe('LINK_PURPOSE_UNKNOWN')
    expect((await link('cus_missing')).status).toBe(404)
    const audit = await t.db.all<{ details: string }>("SELECT details FROM core_audit_log WHERE action = 'customer.link-created'")
    expect(audit.length).toBe(0)
  })
})

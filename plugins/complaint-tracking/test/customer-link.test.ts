import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, fileCase, linkFor, walk } from './complaints-client.js'

describe.each(dialects)('complaints through a customer link on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('lets the customer file, read and reply on their own case, without internal notes', async () => {
    const id = await host.customer()
    const me = host.as({ link: await linkFor(host, id) })
    const res = await me.post(`${base}/me/cases`, { category: 'product.wrong-item', description: 'Got tea, wanted coffee' })
    expect(res.status).toBe(201)
    const c = await host.json(res)
    expect(c).toMatchObject({ customerId: id, channel: 'link', priority: 'normal', createdBy: `customer:${id}` })
    await host.http.post(`${base}/cases/${c.id}/messages`, { body: 'Customer sounds upset', visibility: 'internal' })
    await host.http.post(`${base}/cases/${c.id}/messages`, { body: 'Sorry, a replacement is on its way', visibility: 'customer' })
    expect((await host.http.post(`${base}/cases/${c.id}/assignment`, { assigneeId: 'team:front-desk' })).status).toBe(200)
    expect((await me.post(`${base}/me/cases/${c.id}/messages`, { body: 'Thanks!' })).status).toBe(201)
    const seen = await host.json(await me.get(`${base}/cases/${c.id}`))
    expect(seen.messages.map((m: any) => m.body)).toEqual(['Sorry, a replacement is on its way', 'Thanks!'])
    expect(JSON.stringify(seen)).not.toContain('upset')
    expect(seen.history.every((h: any) => h.action !== 'assigned' && h.details.visibility !== 'internal')).toBe(true)
    const staff = await caseOf(host, c.id)
    expect(staff.messages.map((m: any) => m.visibility)).toEqual(['internal', 'customer', 'customer'])
    expect(staff.history.filter((h: any) => h.action === 'message')).toHaveLength(3)
  })

  it('refuses internal notes from the customer (their reply takes no visibility), and replies once the case is resolved', async () => {
    const id = await host.customer()
    const me = host.as({ link: await linkFor(host, id) })
    const c = await fileCase(host, id)
    const note = await me.post(`${base}/me/cases/${c.id}/messages`, { body: 'secret', visibility: 'internal' })
    expect(note.status).toBe(400)
    expect((await host.json(note)).error.details.issues).toEqual([expect.objectContaining({ path: 'body.visibility' })])
    // The staff route takes no link at all.
    const staffRoute = await me.post(`${base}/cases/${c.id}/messages`, { body: 'secret', visibility: 'internal' })
    expect(staffRoute.status).toBe(403)
    await walk(host, c.id, ['open', 'resolved'])
    const late = await me.post(`${base}/me/cases/${c.id}/messages`, { body: 'one more thing' })
    expect(late.status).toBe(409)
    expect((await host.json(late)).error.code).toBe('COMPLAINTS_CASE_CLOSED')
    expect((await caseOf(host, c.id)).messages).toEqual([])
  })

  it("refuses another customer's case and filing for another customer, writing nothing", async () => {
    const [mine, theirs] = [await host.customer(), await host.customer()]
    const me = host.as({ link: await linkFor(host, mine) })
    const c = await fileCase(host, theirs)
    for (const res of [
      await me.get(`${base}/cases/${c.id}`),
      await me.post(`${base}/me/cases/${c.id}/messages`, { body: 'peek' }),
    ]) {
      expect(res.status).toBe(403)
      expect((await host.json(res)).error.code).toBe('LINK_WRONG_CUSTOMER')
    }
    // Filing names no customer: the link's is the only one a customer can file for.
    const impersonating = await me.post(`${base}/me/cases`, { customerId: theirs, category: 'other', description: 'impersonating' })
    expect(impersonating.status).toBe(400)
    expect((await host.json(impersonating)).error.details.issues).toEqual([expect.objectContaining({ path: 'body.customerId' })])
    expect((await me.post(`${base}/cases`, { customerId: mine, category: 'other', description: 'through the staff route' })).status).toBe(403)
    const staff = await caseOf(host, c.id)
    expect(staff.messages).toEqual([])
    expect((await host.profile(theirs))['complaints.total']).toBe(1)
    expect((await host.profile(mine))['complaints.total']).toBeUndefined()
  })

  it('refuses staff fields from a customer link (priority, channel and the rest), with 400 naming each, and creates no case', async () => {
    const id = await host.customer()
    const me = host.as({ link: await linkFor(host, id) })
    const staffFields: Record<string, unknown> = { priority: 'urgent', channel: 'phone', customerId: id, assigneeId: 'u_1', status: 'open', createdBy: 'user:u_1' }
    for (const [field, value] of Object.entries(staffFields)) {
      const res = await me.post(`${base}/me/cases`, { category: 'delivery.late', description: 'Three days late', [field]: value })
      expect(res.status, field).toBe(400)
      const error = (await host.json(res)).error
      expect(error.code).toBe('REQUEST_INVALID')
      expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual([`body.${field}`])
    }
    // The staff route, where priority and channel are staff's to set, takes no customer link (it did: the urgent SLA policy was a customer's pick).
    const throughStaffRoute = await me.post(`${base}/cases`, { customerId: id, priority: 'urgent', channel: 'phone', category: 'delivery.late', description: 'Three days late' })
    expect(throughStaffRoute.status).toBe(403)
    expect((await host.http.get(`${base}/cases?customerId=${id}`).then((r) => host.json(r))).items).toEqual([])
    expect((await host.profile(id))['complaints.total']).toBeUndefined()
  })

  it('files a customer\'s case at the default priority, so it gets the standard SLA policy, never the urgent one', async () => {
    const id = await host.customer()
    const me = host.as({ link: await linkFor(host, id) })
    const c = await host.json(await me.post(`${base}/me/cases`, { category: 'delivery.late', description: 'Three days late' }))
    const staff = await caseOf(host, c.id)
    expect(staff).toMatchObject({ channel: 'link', priority: 'normal' })
    expect(staff.sla.policyId).toBe('standard')
    // Staff may still raise it, through their own route.
    const urgent = await host.json(await host.http.post(`${base}/cases`, { customerId: id, channel: 'phone', priority: 'urgent', category: 'delivery.late', description: 'Called in' }))
    expect((await caseOf(host, urgent.id)).sla.policyId).toBe('urgent')
  })
})

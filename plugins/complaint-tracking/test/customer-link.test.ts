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
    const res = await me.post(`${base}/cases`, { customerId: id, category: 'product.wrong-item', description: 'Got tea, wanted coffee' })
    expect(res.status).toBe(201)
    const c = await host.json(res)
    expect(c).toMatchObject({ channel: 'web', createdBy: `customer:${id}` })
    await host.http.post(`${base}/cases/${c.id}/messages`, { body: 'Customer sounds upset', visibility: 'internal' })
    await host.http.post(`${base}/cases/${c.id}/messages`, { body: 'Sorry, a replacement is on its way', visibility: 'customer' })
    await host.http.post(`${base}/cases/${c.id}/assignment`, { assigneeId: 'u_1' })
    expect((await me.post(`${base}/cases/${c.id}/messages`, { body: 'Thanks!', visibility: 'customer' })).status).toBe(201)
    const seen = await host.json(await me.get(`${base}/cases/${c.id}`))
    expect(seen.messages.map((m: any) => m.body)).toEqual(['Sorry, a replacement is on its way', 'Thanks!'])
    expect(JSON.stringify(seen)).not.toContain('upset')
    expect(seen.history.every((h: any) => h.action !== 'assigned' && h.details.visibility !== 'internal')).toBe(true)
    const staff = await caseOf(host, c.id)
    expect(staff.messages.map((m: any) => m.visibility)).toEqual(['internal', 'customer', 'customer'])
    expect(staff.history.filter((h: any) => h.action === 'message')).toHaveLength(3)
  })

  it('refuses internal notes from the customer, and replies once the case is resolved', async () => {
    const id = await host.customer()
    const me = host.as({ link: await linkFor(host, id) })
    const c = await fileCase(host, id)
    const note = await me.post(`${base}/cases/${c.id}/messages`, { body: 'secret', visibility: 'internal' })
    expect(note.status).toBe(403)
    expect((await host.json(note)).error.code).toBe('COMPLAINTS_NOTE_NOT_ALLOWED')
    await walk(host, c.id, ['open', 'resolved'])
    const late = await me.post(`${base}/cases/${c.id}/messages`, { body: 'one more thing', visibility: 'customer' })
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
      await me.post(`${base}/cases/${c.id}/messages`, { body: 'peek', visibility: 'customer' }),
      await me.post(`${base}/cases`, { customerId: theirs, category: 'other', description: 'impersonating' }),
    ]) {
      expect(res.status).toBe(403)
      expect((await host.json(res)).error.code).toBe('LINK_WRONG_CUSTOMER')
    }
    const staff = await caseOf(host, c.id)
    expect(staff.messages).toEqual([])
    expect((await host.profile(theirs))['complaints.total']).toBe(1)
    expect((await host.profile(mine))['complaints.total']).toBeUndefined()
  })
})

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, fileCase, linkFor, walk } from './complaints-client.js'

const form = { name: '王芳', phone: '13800000000', category: 'delivery.damaged', description: '杯子碎了' }

describe.each(dialects)('customer pages: my cases and tracking links on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it("lists the link's customer's own cases, newest first, with numbers and no staff fields", async () => {
    const [mine, theirs] = [await host.customer(), await host.customer()]
    const first = await fileCase(host, mine, { description: 'first' })
    await fileCase(host, theirs, { description: 'not mine' })
    const me = host.as({ link: await linkFor(host, mine) })
    const second = await host.json(await me.post(`${base}/me/cases`, { category: 'delivery.late', description: 'second' }))
    await walk(host, first.id, ['open', 'resolved'])
    const res = await me.get(`${base}/me/cases?limit=1`)
    expect(res.status).toBe(200)
    const page = await host.json(res)
    expect(page.items).toEqual([{ id: second.id, caseNumber: expect.stringMatching(/^CT-\d{4}-\d{6}$/), status: 'new', category: 'delivery.late', description: 'second', createdAt: expect.any(String), updatedAt: expect.any(String) }])
    const rest = await host.json(await me.get(`${base}/me/cases?cursor=${page.nextCursor}`))
    expect(rest).toEqual({ items: [expect.objectContaining({ id: first.id, status: 'resolved', description: 'first' })], nextCursor: null })
  })

  it('answers the anonymous form with a tracking token that opens the case and takes replies, and nothing else', async () => {
    const anonymous = host.as('anonymous')
    const receipt = await host.json(await anonymous.post(`${base}/form`, form))
    expect(receipt).toMatchObject({ caseId: expect.any(String), caseNumber: expect.stringMatching(/^CT-/), trackingToken: expect.stringContaining('.') })
    await host.http.post(`${base}/cases/${receipt.caseId}/messages`, { body: 'internal: call the courier', visibility: 'internal' })
    await host.http.post(`${base}/cases/${receipt.caseId}/messages`, { body: '已为您补发', visibility: 'customer' })
    const opened = await anonymous.post(`${base}/tracking`, { token: receipt.trackingToken })
    expect(opened.status).toBe(200)
    const seen = await host.json(opened)
    expect(seen).toMatchObject({ id: receipt.caseId, caseNumber: receipt.caseNumber, contact: null, sla: null })
    expect(seen.messages.map((m: { body: string }) => m.body)).toEqual(['已为您补发'])
    expect((await anonymous.post(`${base}/tracking/messages`, { token: receipt.trackingToken, body: '谢谢' })).status).toBe(201)
    expect((await caseOf(host, receipt.caseId)).messages.map((m: { author: string }) => m.author)).toEqual([expect.stringMatching(/^user:/), expect.stringMatching(/^user:/), 'anonymous'])
    // The token names one case: changed by one character, moved to another case, or used as a customer link, it opens nothing.
    const other = await host.json(await anonymous.post(`${base}/form`, form))
    const signature = receipt.trackingToken.slice(receipt.trackingToken.lastIndexOf('.') + 1)
    const flipped = receipt.trackingToken.slice(0, -1) + (receipt.trackingToken.endsWith('A') ? 'B' : 'A')
    for (const token of [flipped, `${other.caseId}.${signature}`, 'nonsense']) {
      const res = await anonymous.post(`${base}/tracking`, { token })
      expect(res.status, token).toBe(404)
      expect((await host.json(res)).error.code).toBe('COMPLAINTS_TRACKING_INVALID')
    }
    expect((await host.as({ link: receipt.trackingToken }).get(`${base}/cases/${receipt.caseId}`)).status).toBe(401)
    // A case that has a customer is theirs, through their link: a token for it opens nothing.
    const customerCase = await fileCase(host, await host.customer())
    const forged = `${customerCase.id}.${signature}`
    expect((await anonymous.post(`${base}/tracking`, { token: forged })).status).toBe(404)
  })

  it('keeps the tracking token out of events, history and the staff view; a finished case takes no reply', async () => {
    const receipt = await host.json(await host.as('anonymous').post(`${base}/form`, form))
    const events = await host.db.all<{ payload: unknown }>('SELECT payload FROM core_events')
    const stored = JSON.stringify([events, await caseOf(host, receipt.caseId)])
    expect(stored).not.toContain(receipt.trackingToken.slice(receipt.trackingToken.lastIndexOf('.') + 1))
    await walk(host, receipt.caseId, ['open', 'resolved'])
    const late = await host.as('anonymous').post(`${base}/tracking/messages`, { token: receipt.trackingToken, body: 'one more thing' })
    expect(late.status).toBe(409)
    expect((await host.json(late)).error.code).toBe('COMPLAINTS_CASE_CLOSED')
  })
})

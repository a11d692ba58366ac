import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, complaintEvents, DAY, fileCase, move, travel, userIdOf, walk } from './complaints-client.js'

describe.each(dialects)('complaint cases on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('boots', () => {
    expect(host.bootReport!.plugins['complaint-tracking']).toEqual({ state: 'active' })
  })

  it('takes a case in from an agent, with its fields, first history entry, event and profile', async () => {
    const id = await host.customer()
    const res = await host.as('agent').post(`${base}/cases`, {
      customerId: id, channel: 'wechat', category: 'delivery.late', priority: 'high', description: 'Parcel 3 days late', orderRef: 'SO-1',
    })
    expect(res.status).toBe(201)
    const created = await host.json(res)
    expect(created).toMatchObject({ customerId: id, status: 'new', channel: 'wechat', category: 'delivery.late', priority: 'high', orderRef: 'SO-1', assigneeId: null })
    expect(created.createdBy).toMatch(/^user:/)
    const detail = await caseOf(host, created.id)
    expect(detail.allowedTransitions).toEqual(['open'])
    expect(detail.history).toEqual([expect.objectContaining({ action: 'created', toStatus: 'new', actor: created.createdBy })])
    expect(await host.profile(id)).toMatchObject({ 'complaints.open': 1, 'complaints.total': 1, 'complaints.lastAt': expect.stringContaining(created.createdAt.slice(0, 10)) })
    expect((await complaintEvents(host, id)).map((e) => e.type)).toEqual(['complaint.opened'])
  })

  it('takes a case in from an API key and defaults channel and priority', async () => {
    const id = await host.customer()
    const key = await host.apiKey(['customers:write'])
    const res = await host.as({ apiKey: key }).post(`${base}/cases`, { customerId: id, category: 'billing', description: 'Charged twice' })
    expect(res.status).toBe(201)
    expect(await host.json(res)).toMatchObject({ channel: 'web', priority: 'normal', createdBy: expect.stringMatching(/^apiKey:/) })
  })

  it('refuses an unknown category and an unknown channel, writing nothing', async () => {
    const id = await host.customer()
    const res = await host.http.post(`${base}/cases`, { customerId: id, category: 'weather', description: 'Too hot' })
    expect(res.status).toBe(422)
    expect((await host.json(res)).error).toMatchObject({ code: 'COMPLAINTS_CATEGORY_UNKNOWN', details: { category: 'weather' } })
    const bad = await host.http.post(`${base}/cases`, { customerId: id, channel: 'fax', category: 'other', description: 'x' })
    expect(bad.status).toBe(400)
    expect((await host.json(await host.http.get(`${base}/cases`))).items).toEqual([])
    expect((await host.profile(id))['complaints.total']).toBeUndefined()
  })

  it('takes categories from the configured tree', async () => {
    const id = await host.customer()
    await host.host!.configure('complaint-tracking', { categories: [{ id: 'tea', label: 'Tea' }, { id: 'tea.taste', label: 'Taste', parent: 'tea' }] })
    try {
      expect((await host.http.post(`${base}/cases`, { customerId: id, category: 'tea.taste', description: 'Bitter' })).status).toBe(201)
      const res = await host.http.post(`${base}/cases`, { customerId: id, category: 'product.quality', description: 'Leaks' })
      expect((await host.json(res)).error.code).toBe('COMPLAINTS_CATEGORY_UNKNOWN')
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it('answers 404 for an unknown case on every case route', async () => {
    for (const res of [
      await host.http.get(`${base}/cases/nope`),
      await move(host, 'nope', 'open'),
      await host.http.post(`${base}/cases/nope/assignment`, { assigneeId: 'u_1' }),
    ]) expect((await host.json(res)).error.code).toBe('COMPLAINTS_CASE_NOT_FOUND')
  })

  it('follows every legal transition and records each with who, when and what', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open', 'pending_customer', 'open', 'pending_third_party', 'pending_customer', 'pending_third_party', 'open', 'resolved', 'open', 'resolved', 'closed'])
    const other = await fileCase(host, id)
    await walk(host, other.id, ['open', 'pending_customer', 'resolved', 'closed', 'open', 'pending_third_party', 'resolved'])
    const detail = await caseOf(host, c.id)
    expect(detail).toMatchObject({ status: 'closed', resolutionCode: 'replaced', resolutionSummary: 'Sent a new cup', allowedTransitions: ['open'] })
    const moves = detail.history.filter((h: any) => h.action === 'transition').map((h: any) => `${h.fromStatus}>${h.toStatus}`)
    expect(moves).toEqual(['new>open', 'open>pending_customer', 'pending_customer>open', 'open>pending_third_party', 'pending_third_party>pending_customer',
      'pending_customer>pending_third_party', 'pending_third_party>open', 'open>resolved', 'resolved>open', 'open>resolved', 'resolved>closed'])
    for (const h of detail.history) expect(h).toMatchObject({ actor: expect.stringMatching(/^user:/), at: expect.any(String) })
    expect(detail.history.find((h: any) => h.toStatus === 'resolved').details).toEqual({ resolutionCode: 'replaced', summary: 'Sent a new cup' })
  })

  it('refuses an illegal transition with 409 naming the allowed ones, changing nothing', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    const before = await caseOf(host, c.id)
    const res = await move(host, c.id, 'resolved', { resolutionCode: 'x', summary: 'y' })
    expect(res.status).toBe(409)
    expect((await host.json(res)).error).toMatchObject({ code: 'COMPLAINTS_TRANSITION_NOT_ALLOWED', details: { from: 'new', to: 'resolved', allowed: ['open'] } })
    expect(await caseOf(host, c.id)).toEqual(before)
    await walk(host, c.id, ['open'])
    const closing = await move(host, c.id, 'closed')
    expect((await host.json(closing)).error.details.allowed).toEqual(['pending_customer', 'pending_third_party', 'resolved'])
  })

  it('needs a resolution code and summary to resolve', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open'])
    const res = await move(host, c.id, 'resolved', { resolutionCode: 'refund' })
    expect(res.status).toBe(422)
    expect((await host.json(res)).error).toMatchObject({ code: 'COMPLAINTS_RESOLUTION_REQUIRED', details: { missing: ['summary'] } })
    expect((await caseOf(host, c.id)).status).toBe('open')
    expect((await host.profile(id))['complaints.open']).toBe(1)
  })

  it('reopens within the window and refuses after it', async () => {
    const id = await host.customer()
    const early = await fileCase(host, id)
    const late = await fileCase(host, id)
    await walk(host, early.id, ['open', 'resolved', 'closed'])
    await walk(host, late.id, ['open', 'resolved'])
    await travel(host, 13 * DAY)
    expect((await move(host, early.id, 'open', { reason: 'Still leaking' })).status).toBe(200)
    await travel(host, 2 * DAY)
    const res = await move(host, late.id, 'open')
    expect(res.status).toBe(409)
    expect((await host.json(res)).error).toMatchObject({ code: 'COMPLAINTS_REOPEN_WINDOW_PASSED', details: { caseId: late.id, days: 14 } })
    expect((await caseOf(host, late.id)).status).toBe('resolved')
  })

  it('mirrors the profile and emits events on open, resolve and reopen', async () => {
    const id = await host.customer()
    const a = await fileCase(host, id)
    const b = await fileCase(host, id, { category: 'service.staff' })
    expect(await host.profile(id)).toMatchObject({ 'complaints.open': 2, 'complaints.total': 2 })
    await walk(host, a.id, ['open', 'resolved'])
    expect(await host.profile(id)).toMatchObject({ 'complaints.open': 1, 'complaints.total': 2 })
    await walk(host, a.id, ['open'])
    expect(await host.profile(id)).toMatchObject({ 'complaints.open': 2, 'complaints.total': 2 })
    await walk(host, a.id, ['resolved', 'closed'])
    await walk(host, b.id, ['open', 'resolved'])
    expect(await host.profile(id)).toMatchObject({ 'complaints.open': 0, 'complaints.total': 2 })
    const events = await complaintEvents(host, id)
    expect(events.map((e) => e.type)).toEqual([
      'complaint.opened', 'complaint.opened', 'complaint.resolved', 'complaint.reopened', 'complaint.resolved', 'complaint.resolved',
    ])
    expect(events[2]!.payload).toEqual({ caseId: a.id, customerId: id, resolutionCode: 'replaced', category: 'product.quality', resolvedAt: expect.any(String) })
    expect(events[3]!.payload).toMatchObject({ caseId: a.id, from: 'resolved' })
  })

  it('explains complaints.open with the event behind each change', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    await walk(host, c.id, ['open', 'resolved'])
    const body = await host.json(await host.http.get(`/api/v1/customers/${id}/explain?field=complaints.open`))
    expect(body.value).toBe(0)
    expect(body.changes.at(-1)).toMatchObject({ source: { kind: 'plugin', id: 'resolve' }, event: { type: 'complaint.resolved' } })
  })

  it('lists cases by status, assignee and customer, a page at a time', async () => {
    const [x, y] = [await host.customer(), await host.customer()]
    const a = await fileCase(host, x)
    const b = await fileCase(host, x)
    const c = await fileCase(host, y)
    await walk(host, b.id, ['open'])
    const agent = await userIdOf(host, 'agent')
    expect((await host.http.post(`${base}/cases/${c.id}/assignment`, { assigneeId: agent })).status).toBe(200)
    const list = async (q: string) => (await host.json(await host.as('analyst').get(`${base}/cases?${q}`)))
    expect((await list('')).items.map((i: any) => i.id)).toEqual([c.id, b.id, a.id])
    expect((await list('status=open')).items.map((i: any) => i.id)).toEqual([b.id])
    expect((await list(`assignee=${agent}`)).items.map((i: any) => i.id)).toEqual([c.id])
    expect((await list(`customerId=${x}`)).items.map((i: any) => i.id)).toEqual([b.id, a.id])
    const first = await list('limit=2')
    expect(first.items).toHaveLength(2)
    const second = await list(`limit=2&cursor=${first.nextCursor}`)
    expect(second).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null })
  })

  it('lists cases by category (with its sub-categories) and channel', async () => {
    const id = await host.customer()
    const quality = await fileCase(host, id, { category: 'product.quality', channel: 'phone' })
    const product = await fileCase(host, id, { category: 'product', channel: 'wechat' })
    const late = await fileCase(host, id, { category: 'delivery.late', channel: 'wechat' })
    const ids = async (q: string) => (await host.json(await host.as('analyst').get(`${base}/cases?${q}`))).items.map((i: any) => i.id)
    expect(await ids('category=product')).toEqual([product.id, quality.id])
    expect(await ids('category=product.quality')).toEqual([quality.id])
    expect(await ids('channel=wechat')).toEqual([late.id, product.id])
    expect(await ids('category=prod')).toEqual([])
    expect((await host.as('analyst').get(`${base}/cases?channel=fax`)).status).toBe(400)
  })

  it('assigns to a user, reassigns to a team and records it', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    const agent = await userIdOf(host, 'agent')
    expect((await host.as('agent').post(`${base}/cases/${c.id}/assignment`, { assigneeId: agent })).status).toBe(200)
    const res = await host.http.post(`${base}/cases/${c.id}/assignment`, { assigneeId: 'team:escalations' })
    expect(await host.json(res)).toMatchObject({ assigneeId: 'team:escalations' })
    const assigned = (await caseOf(host, c.id)).history.filter((h: any) => h.action === 'assigned')
    expect(assigned.map((h: any) => h.details)).toEqual([{ from: null, to: agent }, { from: agent, to: 'team:escalations' }])
  })

  it('refuses an assignee who is no active user nor a team: 422 naming the field, the case unchanged', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    const admin = await userIdOf(host, 'admin')
    await host.http.patch(`/api/v1/users/${admin}`, { disabled: true })
    for (const assigneeId of ['usr_does_not_exist', 'team:', admin]) {
      const res = await host.http.post(`${base}/cases/${c.id}/assignment`, { assigneeId })
      expect(res.status).toBe(422)
      expect((await host.json(res)).error).toMatchObject({ code: 'COMPLAINTS_ASSIGNEE_NOT_FOUND', details: { field: 'assigneeId', assigneeId } })
    }
    const detail = await caseOf(host, c.id)
    expect(detail.assigneeId).toBeNull()
    expect(detail.history.filter((h: any) => h.action === 'assigned')).toEqual([])
  })

  it('refuses a case for a customer who does not exist: 404 CUSTOMER_NOT_FOUND, nothing stored', async () => {
    const res = await host.http.post(`${base}/cases`, { customerId: 'cus_does_not_exist', category: 'other', description: 'Nobody' })
    expect(res.status).toBe(404)
    expect((await host.json(res)).error).toMatchObject({ code: 'CUSTOMER_NOT_FOUND', details: { customerId: 'cus_does_not_exist' } })
    expect((await host.json(await host.http.get(`${base}/cases`))).items).toEqual([])
    expect((await host.json(await host.http.get('/api/v1/events?type=complaint.opened'))).items).toEqual([])
  })

  it('refuses a message to an unknown case and to a closed case', async () => {
    const id = await host.customer()
    const c = await fileCase(host, id)
    expect((await host.http.post(`${base}/cases/nope/messages`, { body: 'hi', visibility: 'customer' })).status).toBe(404)
    await walk(host, c.id, ['open', 'resolved', 'closed'])
    const res = await host.http.post(`${base}/cases/${c.id}/messages`, { body: 'Anything else?', visibility: 'customer' })
    expect(res.status).toBe(409)
    expect((await host.json(res)).error.code).toBe('COMPLAINTS_CASE_CLOSED')
    expect((await caseOf(host, c.id)).messages).toEqual([])
  })
})

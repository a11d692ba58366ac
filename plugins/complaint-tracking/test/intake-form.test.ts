import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { addressHash } from '../server/form/form-rate-limit.js'
import { base, caseOf, fileCase, linkFor, walk } from './complaints-client.js'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const file = (over: Record<string, unknown> = {}) => ({ fileName: '破损.png', contentType: 'image/png', dataBase64: PNG.toString('base64'), ...over })
const form = (over: Record<string, unknown> = {}) => ({ name: '王芳', email: 'wang@example.com', category: 'delivery.damaged', description: '杯子碎了', ...over })

describe.each(dialects)('public form and attachments on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [complaintTracking], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('tells the customer page what the form offers: categories and file limits', async () => {
    const res = await host.as('anonymous').get(`${base}/form`)
    expect(res.status).toBe(200)
    const info = await host.json(res)
    expect(info).toMatchObject({ enabled: true, attachments: { maxBytes: 2_000_000, maxPerCase: 5 } })
    expect(info.categories).toContainEqual({ id: 'delivery.damaged', label: 'Damaged', parent: 'delivery' })
    expect(info.attachments.types).toContain('image/png')
  })

  it('takes an anonymous complaint with a photo, without a customer, contact for staff only', async () => {
    const res = await host.as('anonymous').post(`${base}/form`, form({ files: [file()] }))
    expect(res.status).toBe(201)
    const { caseId } = await host.json(res)
    const detail = await caseOf(host, caseId)
    expect(detail).toMatchObject({ customerId: null, channel: 'web', createdBy: 'anonymous', contact: { name: '王芳', email: 'wang@example.com' }, status: 'new' })
    expect(detail.sla.policyId).toBe('standard')
    expect(detail.attachments).toEqual([expect.objectContaining({ fileName: '破损.png', contentType: 'image/png', sizeBytes: PNG.length, uploadedBy: 'anonymous' })])
    const download = await host.http.get(`${base}/cases/${caseId}/attachments/${detail.attachments[0].id}`)
    expect(download.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PNG)
  })

  it('refuses staff fields on the public form (priority, channel, customer, assignee, status) with 400 naming each; the server sets channel web and the default priority', async () => {
    const anonymous = host.as('anonymous')
    for (const [field, value] of Object.entries({ priority: 'urgent', channel: 'phone', customerId: 'cus_x', assigneeId: 'u_1', status: 'open' })) {
      const res = await anonymous.post(`${base}/form`, form({ [field]: value }))
      expect(res.status, field).toBe(400)
      expect((await host.json(res)).error.details.issues.map((i: { path: string }) => i.path)).toEqual([`body.${field}`])
    }
    expect((await host.json(await host.http.get(`${base}/cases`))).items).toEqual([])
    const { caseId } = await host.json(await anonymous.post(`${base}/form`, form()))
    expect(await caseOf(host, caseId)).toMatchObject({ channel: 'web', priority: 'normal' })
  })

  it('limits attempts per address and hour with a coded 429, refused ones included', async () => {
    const anonymous = host.as('anonymous')
    expect((await anonymous.post(`${base}/form`, form({ category: 'weather' }))).status).toBe(422)
    for (let i = 0; i < 4; i += 1) expect((await anonymous.post(`${base}/form`, form())).status).toBe(201)
    const refused = await anonymous.post(`${base}/form`, form())
    expect(refused.status).toBe(429)
    expect((await host.json(refused)).error).toMatchObject({ code: 'COMPLAINTS_FORM_RATE_LIMITED', details: { perHour: 5, retryAfterSeconds: expect.any(Number) } })
    expect((await host.json(await host.http.get(`${base}/cases`))).items).toHaveLength(4)
    host.advance(3_600_000)
    expect((await anonymous.post(`${base}/form`, form())).status).toBe(201)
    // The address is kept only as a hash.
    const stored = await host.db.all<{ address_hash: string }>('SELECT address_hash FROM complaints_form_hits')
    expect(stored.map((r) => r.address_hash)).toContain(addressHash('local'))
  })

  it('refuses a form without any contact, or when switched off', async () => {
    expect((await host.as('anonymous').post(`${base}/form`, form({ email: undefined }))).status).toBe(400)
    await host.host!.configure('complaint-tracking', { publicForm: { enabled: false } })
    try {
      const res = await host.as('anonymous').post(`${base}/form`, form())
      expect((await host.json(res)).error.code).toBe('COMPLAINTS_FORM_DISABLED')
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it('refuses oversized, wrong-type and mislabelled files, and files past the per-case limit, storing nothing', async () => {
    await host.host!.configure('complaint-tracking', { attachments: { maxBytes: 16, maxPerCase: 2 } })
    try {
      const id = await host.customer()
      const c = await fileCase(host, id)
      const url = `${base}/cases/${c.id}/attachments`
      const cases: Array<[unknown, number, string]> = [
        [file({ dataBase64: Buffer.alloc(17, 1).toString('base64'), contentType: 'text/plain' }), 413, 'COMPLAINTS_ATTACHMENT_TOO_LARGE'],
        [file({ contentType: 'application/x-msdownload' }), 415, 'COMPLAINTS_ATTACHMENT_TYPE_NOT_ALLOWED'],
        [file({ contentType: 'application/pdf' }), 415, 'COMPLAINTS_ATTACHMENT_CONTENT_MISMATCH'],
      ]
      for (const [f, status, code] of cases) {
        const res = await host.http.post(url, { files: [f] })
        expect([res.status, (await host.json(res)).error.code]).toEqual([status, code])
      }
      const tooMany = await host.http.post(url, { files: [file(), file(), file()] })
      expect([tooMany.status, (await host.json(tooMany)).error.code]).toEqual([409, 'COMPLAINTS_ATTACHMENT_LIMIT_REACHED'])
      expect((await caseOf(host, c.id)).attachments).toEqual([])
      const formRes = await host.as('anonymous').post(`${base}/form`, form({ files: [file({ contentType: 'image/jpeg' })] }))
      expect((await host.json(formRes)).error.code).toBe('COMPLAINTS_ATTACHMENT_CONTENT_MISMATCH')
      expect((await host.json(await host.http.get(`${base}/cases`))).items).toHaveLength(1)
    } finally {
      await host.host!.configure('complaint-tracking', {})
    }
  })

  it('serves attachments to the case customer through a link, never to another customer', async () => {
    const id = await host.customer()
    const other = await host.customer()
    const c = await fileCase(host, id)
    const mine = host.as({ link: await linkFor(host, id) })
    const added = await mine.post(`${base}/cases/${c.id}/attachments`, { files: [file({ fileName: 'receipt.txt', contentType: 'text/plain', dataBase64: Buffer.from('订单 SO-1').toString('base64') })] })
    expect(added.status).toBe(201)
    const [att] = (await host.json(added)).items
    expect(att.uploadedBy).toBe(`customer:${id}`)
    expect(await (await mine.get(`${base}/cases/${c.id}/attachments/${att.id}`)).text()).toBe('订单 SO-1')
    const theirs = await host.as({ link: await linkFor(host, other) }).get(`${base}/cases/${c.id}/attachments/${att.id}`)
    expect([theirs.status, (await host.json(theirs)).error.code]).toEqual([403, 'LINK_WRONG_CUSTOMER'])
    const missing = await host.http.get(`${base}/cases/${c.id}/attachments/att_nope`)
    expect((await host.json(missing)).error.code).toBe('COMPLAINTS_ATTACHMENT_NOT_FOUND')
    await walk(host, c.id, ['open', 'resolved'])
    const late = await mine.post(`${base}/cases/${c.id}/attachments`, { files: [file()] })
    expect((await host.json(late)).error.code).toBe('COMPLAINTS_CASE_CLOSED')
  })
})

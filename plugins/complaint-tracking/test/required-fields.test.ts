import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, caseOf, linkFor, move } from './complaints-client.js'

const label = (en: string) => ({ 'zh-CN': en, en })
const customFields = [
  { key: 'carrier', label: label('Carrier'), type: 'select', options: [{ value: 'sf', label: label('SF Express') }], categories: ['delivery'], required: 'toFile' },
  { key: 'refundMinor', label: label('Refund'), type: 'number', required: 'toResolve' },
  { key: 'note', label: label('Note'), type: 'text' },
]
const resolution = { resolutionCode: 'replaced', summary: 'Sent a new cup' }

describe.each(dialects)('required custom fields and fields at filing on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [complaintTracking], dialect, config: { 'complaint-tracking': { customFields } } })
  }, 120_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const file = (body: Record<string, unknown>) => host.http.post(`${base}/cases`, { customerId: body.customerId, channel: 'phone', description: 'Late', ...body })

  it('takes custom fields when filing, from staff, the customer link and the public form; a toFile field missing is 422 naming it for staff only', async () => {
    const customerId = await host.customer()
    const missing = await file({ customerId, category: 'delivery.late', fields: { note: 'x' } })
    expect(missing.status).toBe(422)
    expect((await host.json(missing)).error).toMatchObject({ code: 'COMPLAINTS_FIELD_REQUIRED', details: { fields: ['carrier'], category: 'delivery.late', moment: 'file' } })
    expect((await host.json(await file({ customerId, category: 'delivery.late', fields: { carrier: 'ems' } }))).error.code).toBe('COMPLAINTS_FIELD_INVALID')
    const filed = await file({ customerId, category: 'delivery.late', fields: { carrier: 'sf', note: ' by phone ' } })
    expect(filed.status).toBe(201)
    expect((await host.json(filed)).fields).toEqual({ carrier: 'sf', note: 'by phone' })
    // A category without the field does not ask for it.
    expect((await file({ customerId, category: 'billing' })).status).toBe(201)
    const me = host.as({ link: await linkFor(host, customerId) })
    // Customers do not know the shop's own fields: they are not held back, the case waits for it to resolve.
    const unasked = await me.post(`${base}/me/cases`, { category: 'delivery.damaged', description: 'Broken' })
    expect(unasked.status).toBe(201)
    expect((await host.json(unasked)).fields).toEqual({})
    expect((await host.json(await me.post(`${base}/me/cases`, { category: 'delivery.damaged', description: 'Broken', fields: { carrier: 'sf' } }))).fields).toEqual({ carrier: 'sf' })
    const form = { name: '王芳', phone: '13800000000', category: 'delivery.late', description: '晚了三天' }
    expect((await host.as('anonymous').post(`${base}/form`, form)).status).toBe(201)
    expect((await host.as('anonymous').post(`${base}/form`, { ...form, fields: { carrier: 'sf' } })).status).toBe(201)
  })

  it('does not resolve a case without its required fields (422 naming them, toFile ones of a customer\'s case too), and does once they are set', async () => {
    const fromCustomer = await host.json(await host.as({ link: await linkFor(host, await host.customer()) }).post(`${base}/me/cases`, { category: 'delivery.late', description: 'Late' }))
    expect((await move(host, fromCustomer.id, 'open')).status).toBe(200)
    const waiting = await move(host, fromCustomer.id, 'resolved', resolution)
    expect((await host.json(waiting)).error).toMatchObject({ code: 'COMPLAINTS_FIELD_REQUIRED', details: { fields: ['carrier', 'refundMinor'], moment: 'resolve' } })
    const c = await host.json(await file({ customerId: await host.customer(), category: 'delivery.late', fields: { carrier: 'sf' } }))
    expect((await move(host, c.id, 'open')).status).toBe(200)
    const refused = await move(host, c.id, 'resolved', resolution)
    expect(refused.status).toBe(422)
    expect((await host.json(refused)).error).toMatchObject({ code: 'COMPLAINTS_FIELD_REQUIRED', details: { fields: ['refundMinor'], moment: 'resolve' } })
    expect((await caseOf(host, c.id)).status).toBe('open')
    expect((await host.http.patch(`${base}/cases/${c.id}`, { fields: { refundMinor: 1_500 } })).status).toBe(200)
    expect((await move(host, c.id, 'resolved', resolution)).status).toBe(200)
  })
})

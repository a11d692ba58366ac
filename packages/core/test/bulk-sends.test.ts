/**
 * Bulk sends through their public surface: a template sent to a 500-customer saved segment over a
 * plugin's SMS channel, throttled to 100 customers a minute, held back by the quiet hours, skipping
 * customers without a number, unsubscribed, without consent or over the contact budget, with the
 * progress read from the route; each customer messaged once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { notifierPlugin } from './fixtures/notifier-plugin.js'

type Json = Record<string, any>
const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Declares the field the segment selects on (customers without `club.vip`: everyone here). */
const clubPlugin: PluginDefinition = { name: 'club', namespace: 'club', version: '1.0.0', host: '^1', profile: { vip: { kind: 'boolean', label: { en: 'VIP', 'zh-CN': '贵宾' } } } }

describe.each(dialects)('bulk sends on %s', (dialect) => {
  let t: TestApp
  const { plugin, sms } = notifierPlugin()
  const progress = async (id: string) => json(await t.request('GET', `/api/v1/messaging/bulk-sends/${id}`, { as: 'admin' })) as Promise<Json>

  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [plugin, clubPlugin] }) }, 60_000)
  beforeEach(async () => { await t.reset(); sms.length = 0 })
  afterAll(() => t.close())

  async function fiveHundredCustomers(): Promise<string[]> {
    // 20 customers (every 25th) have no phone number.
    const rows = Array.from({ length: 500 }, (_, i) => `crm-${i},客户${i},${i % 25 === 0 ? '' : `+86 138${String(i).padStart(8, '0')}`},zh-CN`)
    const res = await t.request('POST', '/api/v1/imports/customers', { rawBody: ['externalId,name,phone,locale', ...rows].join('\r\n'), headers: { 'content-type': 'text/csv; charset=utf-8' } })
    expect(res.status).toBe(200)
    const ids = await t.db.all<{ id: string; external_id: string }>('SELECT id, external_id FROM core_customers')
    const byRow = new Map(ids.map((r) => [Number(r.external_id.slice(4)), r.id]))
    return Array.from({ length: 500 }, (_, i) => byRow.get(i)!)
  }
  const notice = (customerId: string, key: string, as: 'owner' | 'admin') => t.request('POST', '/api/p/notifier/notices', { body: { customerId, key, template: 'survey.invitation', channel: 'sms' }, as })

  it('throttles, waits out the quiet hours and counts what the budget, unsubscribes and consent held back', async () => {
    expect((await t.request('PUT', '/api/v1/messaging/settings', { body: { publicUrl: 'https://crm.example.cn', budget: { max: 1, periodHours: 24 }, quietHours: { start: '21:00', end: '08:00' } } })).status).toBe(200)
    const ids = await fiveHundredCustomers()
    const withPhone = ids.filter((_, i) => i % 25 !== 0)
    const [unsubscribing, withdrawnByStaff, overBudget] = [withPhone.slice(0, 30), withPhone.slice(30, 40), withPhone.slice(40, 80)]

    // 30 customers unsubscribe through the link of a message they got a day before.
    for (const id of unsubscribing) expect((await notice(id, `hello:${id}`, 'owner')).status).toBe(200)
    await t.drainDeliveries()
    for (const m of sms.splice(0)) expect((await t.request('POST', new URL(m.unsubscribeUrl!).pathname)).status).toBe(200)
    t.advance(25 * HOUR) // 2026-06-02T09:00Z, 17:00 in Shanghai
    // 10 told staff they want no SMS; 40 got one today already (the budget is one a day).
    // (A new sign-in: the owner's session of the day before has expired.)
    for (const id of withdrawnByStaff) expect((await t.request('PUT', `/api/v1/customers/${id}/consents/sms`, { body: { state: 'withdrawn' }, as: 'admin' })).status).toBe(200)
    for (const id of overBudget) await notice(id, `today:${id}`, 'admin')
    await t.drainDeliveries()
    expect(sms.splice(0)).toHaveLength(40)

    const segment = await json(await t.request('POST', '/api/v1/segments', { body: { name: 'Everyone', definition: { groups: [{ conditions: [{ field: 'club.vip', op: 'exists', value: false }] }] } }, as: 'admin' }))
    t.advance(3 * HOUR + 58 * MINUTE) // 20:58 in Shanghai, two minutes before the quiet hours
    const started = await t.request('POST', '/api/v1/messaging/bulk-sends', { body: { name: '六月问卷', segmentId: segment.id, template: 'survey.invitation', channel: 'sms', perMinute: 100 }, as: 'admin' })
    expect(started.status).toBe(201)
    const send = await json(started)
    expect(send).toMatchObject({ state: 'running', total: 500, progress: { processed: 0 } })

    await t.drainDeliveries()
    expect((await progress(send.id)).progress.processed).toBe(100) // one batch a minute
    t.advance(MINUTE)
    await t.drainDeliveries()
    expect((await progress(send.id)).progress.processed).toBe(200)
    t.advance(MINUTE) // 21:00: quiet
    await t.drainDeliveries()
    const waiting = await progress(send.id)
    expect(waiting).toMatchObject({ state: 'waiting', deferredUntil: '2026-06-03T00:00:00.000Z', progress: { processed: 200, deferred: { quietHours: 300 } } })

    t.advance(11 * HOUR) // 08:00 the next morning
    for (let i = 0; i < 10 && (await progress(send.id)).state !== 'done'; i += 1) {
      await t.drainDeliveries()
      t.advance(MINUTE)
    }
    const done = await progress(send.id)
    expect(done).toMatchObject({
      state: 'done', total: 500,
      progress: { processed: 500, queued: 0, sent: 400, failed: 0, skipped: { noAddress: 20, unsubscribed: 30, noConsent: 10, overBudget: 40, other: 0 }, deferred: { quietHours: 0 } },
    })
    // Each reachable customer got exactly one message, in their language.
    expect(new Set(sms.map((m) => m.to)).size).toBe(400)
    expect(sms).toHaveLength(400)
    expect(sms[0]!.locale).toBe('zh-CN')
    expect((await json(await t.request('GET', '/api/v1/messaging/bulk-sends', { as: 'admin' }))).items).toMatchObject([{ id: send.id, name: '六月问卷', state: 'done' }])
  }, 120_000)

  it('is for owners and admins, and refuses an unknown segment, template or channel with a coded error', async () => {
    const segment = await json(await t.request('POST', '/api/v1/segments', { body: { name: 'Everyone', definition: { groups: [{ conditions: [{ field: 'club.vip', op: 'exists', value: false }] }] } } }))
    const start = (body: Json, as: 'owner' | 'agent' = 'owner') => t.request('POST', '/api/v1/messaging/bulk-sends', { body: { name: 'x', segmentId: segment.id, template: 'survey.invitation', ...body }, as })
    expect((await start({}, 'agent')).status).toBe(403)
    expect((await json(await start({ segmentId: 'seg_nope' }))).error.code).toBe('SEGMENT_NOT_FOUND')
    expect((await json(await start({ template: 'nope.nope' }))).error.code).toBe('MESSAGE_TEMPLATE_NOT_FOUND')
    expect((await json(await start({ channel: 'pigeon' }))).error.code).toBe('MESSAGE_CHANNEL_NOT_FOUND')
    expect((await start({ perMinute: 0 })).status).toBe(400)
    const missing = await json(await t.request('GET', '/api/v1/messaging/bulk-sends/bulk_nope'))
    expect(missing.error.code, JSON.stringify(missing)).toBe('MESSAGE_BULK_SEND_NOT_FOUND')
  })
})

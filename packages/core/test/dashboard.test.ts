/**
 * The dashboard: one request returns every enabled plugin's widgets for a date range (days in
 * the business's time zone, Asia/Shanghai here) and a segment chosen by profile filters; a
 * failing widget is reported with its code while the others answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { RapportError } from '../src/errors/rapport-error.js'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>

/** Counts completed orders and their amount in the scope, straight from the event log. */
const salesPlugin: PluginDefinition = {
  name: 'sales', namespace: 'sales', version: '1.0.0', host: '^1',
  profile: { vip: { kind: 'boolean', label: { en: 'VIP', 'zh-CN': '贵宾' } } },
  dashboard: {
    orders: {
      title: { en: 'Orders', 'zh-CN': '订单' },
      async load(ctx, scope) {
        const customers = scope.customersIn('customer_id')
        const row = await ctx.db.get<{ n: number; amount: number | null }>(
          `SELECT COUNT(*) AS n, SUM(CAST(${ctx.db.dialect === 'sqlite' ? "json_extract(payload, '$.amountMinor')" : "(payload::json->>'amountMinor')"} AS INTEGER)) AS amount
             FROM core_events WHERE type = 'order.completed' AND occurred_at >= ? AND occurred_at < ? AND ${customers.sql}`,
          [scope.from, scope.to, ...customers.params],
        )
        return { orders: Number(row?.n ?? 0), amountMinor: Number(row?.amount ?? 0) }
      },
    },
    broken: {
      title: { en: 'Broken', 'zh-CN': '故障' },
      load: async () => { throw new RapportError('SALES_NOT_READY', 409, 'Sales figures are being rebuilt') },
    },
  },
}

/** A second plugin whose widget echoes the scope it was given. */
const scopePlugin: PluginDefinition = {
  name: 'scope-echo', namespace: 'scopeEcho', version: '1.0.0', host: '^1',
  dashboard: { scope: { title: { en: 'Scope', 'zh-CN': '范围' }, load: async (_ctx, scope) => ({ from: scope.from, to: scope.to, filtered: scope.filtered }) } },
}

describe.each(dialects)('dashboard on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [salesPlugin, scopePlugin] }) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const dashboard = async (query = '', as?: 'analyst') => {
    const res = await t.request('GET', `/api/v1/dashboard${query}`, as ? { as } : {})
    expect(res.status, await res.clone().text()).toBe(200)
    return json(res)
  }
  const widget = (body: Json, plugin: string, id: string): Json => body.widgets.find((w: Json) => w.plugin === plugin && w.id === id)
  const customer = async (externalId: string, vip: boolean) => {
    const { id } = await json(await t.request('POST', '/api/v1/customers', { body: { externalId } }))
    const sales = t.services.runtime.active().find((p) => p.definition.name === 'sales')!
    await t.db.tx((tx) => sales.context.updateProfile(tx, id, { 'sales.vip': { set: vip } }, { id: 'test-seed' }))
    return id as string
  }
  const order = (n: number, externalId: string, occurredAt: string, amountMinor = 1000) => ({
    id: `o-${n}`, type: 'order.completed', customerExternalId: externalId, orderId: `SO-${n}`, amountMinor, currency: 'CNY', occurredAt,
  })

  it('defaults to the 30 days ending today in the business time zone', async () => {
    // The test clock is 2026-06-01T08:00Z: 16:00 on June 1 in Shanghai.
    const body = await dashboard()
    expect(widget(body, 'scope-echo', 'scope').data).toEqual({ from: '2026-05-02T16:00:00.000Z', to: '2026-06-01T16:00:00.000Z', filtered: false })
    expect(body.timeZone).toBe('Asia/Shanghai')
  })

  it('answers every widget of every plugin in one request, each with its title', async () => {
    const body = await dashboard('?from=2026-05-01&to=2026-05-31', 'analyst')
    expect(body.widgets.map((w: Json) => `${w.plugin}/${w.id}`)).toEqual(['sales/orders', 'sales/broken', 'scope-echo/scope'])
    expect(widget(body, 'sales', 'orders').title).toEqual({ en: 'Orders', 'zh-CN': '订单' })
  })

  it('counts within the range, days being whole days in Shanghai', async () => {
    await customer('crm-a', true)
    const res = await t.request('POST', '/api/v1/events', {
      body: {
        events: [
          order(1, 'crm-a', '2026-05-01T00:30:00+08:00'), // May 1 in Shanghai, April 30 in UTC: inside
          order(2, 'crm-a', '2026-05-31T23:30:00+08:00'), // last day: inside
          order(3, 'crm-a', '2026-06-01T00:10:00+08:00'), // the day after: outside
          order(4, 'crm-a', '2026-04-30T23:59:00+08:00'), // the day before: outside
        ],
      },
    })
    expect(res.status).toBe(200)
    expect(widget(await dashboard('?from=2026-05-01&to=2026-05-31'), 'sales', 'orders').data).toEqual({ orders: 2, amountMinor: 2000 })
  })

  it('narrows every widget to the segment the profile filters choose', async () => {
    await customer('crm-vip', true)
    await customer('crm-other', false)
    await t.request('POST', '/api/v1/events', {
      body: { events: [order(1, 'crm-vip', '2026-05-10T10:00:00Z', 5000), order(2, 'crm-other', '2026-05-10T10:00:00Z', 700), order(3, 'crm-other', '2026-05-11T10:00:00Z', 300)] },
    })
    const all = await dashboard('?from=2026-05-01&to=2026-05-31')
    expect(widget(all, 'sales', 'orders').data).toEqual({ orders: 3, amountMinor: 6000 })
    const vip = await dashboard('?from=2026-05-01&to=2026-05-31&filter=sales.vip:eq:true')
    expect(vip.filtered).toBe(true)
    expect(widget(vip, 'sales', 'orders').data).toEqual({ orders: 1, amountMinor: 5000 })
    expect(widget(vip, 'scope-echo', 'scope').data.filtered).toBe(true)
  })

  it('reports a failing widget with its code while the others answer', async () => {
    const body = await dashboard()
    expect(widget(body, 'sales', 'broken')).toMatchObject({ error: { code: 'SALES_NOT_READY', message: 'Sales figures are being rebuilt' } })
    expect(widget(body, 'sales', 'broken').data).toBeUndefined()
    expect(widget(body, 'sales', 'orders').data).toEqual({ orders: 0, amountMinor: 0 })
  })

  it('leaves out the widgets of a disabled plugin', async () => {
    expect((await t.request('POST', '/api/v1/plugins/sales/disable')).status).toBe(200)
    try {
      expect((await dashboard()).widgets.map((w: Json) => w.plugin)).toEqual(['scope-echo'])
    } finally {
      expect((await t.request('POST', '/api/v1/plugins/sales/enable')).status).toBe(200)
    }
  })

  it.each([
    ['?from=2026-05-31&to=2026-05-01', 'to'],
    ['?from=2026-02-30', 'from'],
    ['?to=yesterday', 'to'],
    ['?from=2020-01-01&to=2026-05-01', 'to'],
    ['?filter=sales.nothing:eq:1', 'filter'],
    ['?filter=sales.vip:near:true', 'filter'],
    ['?segment=', 'segment'],
  ])('refuses %s with a 400 naming %s', async (query, path) => {
    const res = await t.request('GET', `/api/v1/dashboard${query}`)
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.code).toBe('REQUEST_INVALID')
    expect(JSON.stringify(body.error.details)).toContain(path)
  })

  it('is for signed-in staff and keys with customers:read only', async () => {
    expect((await t.request('GET', '/api/v1/dashboard', { as: 'anonymous' })).status).toBe(401)
    expect((await t.request('GET', '/api/v1/dashboard', { as: { apiKey: await t.apiKey(['events:write']) } })).status).toBe(403)
    expect((await t.request('GET', '/api/v1/dashboard', { as: { apiKey: await t.apiKey(['customers:read']) } })).status).toBe(200)
  })
})

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type Client, type TestHost } from '@rapport/plugin-sdk/testing'
import churnRisk from '../server/index.js'
import { DAY_MS, order, regularCustomer } from './helpers.js'
import { answer, caseOpened, caseResolved, tierChange } from './payloads.js'
import { complaintsProbe, pointsProbe, satisfactionProbe, tieringProbe } from './probes.js'

const api = '/api/p/churn-risk'

describe.each(dialects)('churn risk with the other plugins on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tieringProbe, satisfactionProbe, complaintsProbe, pointsProbe, churnRisk], dialect }) }, 60_000)
  // Sessions expire while the fake clock jumps weeks ahead: API keys do not.
  let reader: Client
  let writer: Client
  beforeEach(async () => {
    await host.reset()
    // A plugin's config outlives reset(): every test starts from the defaults.
    await host.http.put('/api/v1/plugins/churn-risk/config', {})
    reader = host.as({ apiKey: await host.apiKey(['customers:read', 'events:read']) })
    writer = host.as({ apiKey: await host.apiKey(['customers:read', 'customers:write']) })
  })
  afterAll(() => host.close())

  const breakdown = async (id: string) => host.json(await reader.get(`${api}/customers/${id}`))
  const events = async (id: string, type: string) =>
    ((await host.json(await reader.get(`/api/v1/customers/${id}/events?limit=100`))).items as Array<{ type: string; payload: any }>).filter((e) => e.type === type).reverse()

  it('scores the purchase rhythm: low right after a regular order, high after a long silence, re-scored nightly', async () => {
    const id = await regularCustomer(host, 6, 10)
    expect(await host.profile(id)).toMatchObject({ 'churnRisk.orders': 6, 'churnRisk.band': 'low', 'churnRisk.typicalGapDays': 15.7 })
    host.advance(60 * DAY_MS)
    await host.runJob('churn-risk:nightly-rescore')
    const profile = await host.profile(id)
    expect(profile['churnRisk.band']).toBe('high')
    expect(profile['churnRisk.rhythmPoints']).toBeGreaterThanOrEqual(55)
    const high = await events(id, 'churn.risk.high')
    expect(high).toHaveLength(1)
    expect(high[0]!.payload).toMatchObject({ previousBand: 'low', parts: { rhythm: profile['churnRisk.rhythmPoints'] } })
    // The score explains itself through the host: the nightly job recorded the change.
    const why = await host.json(await reader.get(`/api/v1/customers/${id}/explain?field=churnRisk.score`))
    expect(why.changes.at(-1)).toMatchObject({ plugin: 'churn-risk', source: { kind: 'plugin', id: 'nightly-rescore' }, next: profile['churnRisk.score'] })
    // A second night changes nothing and emits no second event.
    host.advance(DAY_MS)
    await host.runJob('churn-risk:nightly-rescore')
    expect(await events(id, 'churn.risk.high')).toHaveLength(1)
    // An order brings the customer back.
    await order(host, id, 'back', 10_000)
    expect((await host.profile(id))['churnRisk.band']).toBe('low')
  })

  it('adds falling satisfaction, open complaints and a tier downgrade, each explained in the breakdown', async () => {
    const id = await regularCustomer(host, 3, 20)
    await host.emit('survey.response.completed', id, answer(9))
    await host.emit('survey.response.completed', id, answer(3))
    await host.emit('complaints.opened', id, caseOpened('k1'))
    await host.drainDeliveries()
    await host.emit('tier.changed', id, tierChange('silver', 'bronze', 'downgrade'))
    const b = await breakdown(id)
    expect(b.parts.satisfaction).toEqual({ points: 15, max: 15, now: 3, peak: 9, drop: 6 })
    expect(b.parts.complaints).toEqual({ points: 10, max: 15, open: 1 })
    expect(b.parts.tierDowngrade).toMatchObject({ points: 10, max: 10, windowDays: 90 })
    expect(b.parts.rhythm).toMatchObject({ orders: 3, daysSinceLastOrder: 0, typicalGapDays: 25 })
    expect(b.score).toBe(b.parts.rhythm.points + 35)
    expect(await host.profile(id)).toMatchObject({ 'churnRisk.satisfactionPoints': 15, 'churnRisk.complaintPoints': 10, 'churnRisk.tierDowngradePoints': 10, 'churnRisk.score': b.score })
    await host.emit('complaints.resolved', id, caseResolved('k1'))
    await host.emit('tier.changed', id, tierChange('bronze', 'silver', 'upgrade'))
    await host.drainDeliveries()
    expect(await host.profile(id)).toMatchObject({ 'churnRisk.complaintPoints': 0, 'churnRisk.tierDowngradePoints': 0 })
  })

  it('lists customers at risk with their reasons and revenue at stake, sorted, and refuses an unknown sort', async () => {
    const fresh = await regularCustomer(host, 4, 30, 20_000)
    const quiet = await regularCustomer(host, 4, 10, 5_000)
    const big = await regularCustomer(host, 4, 10, 50_000)
    await host.emit('complaints.opened', fresh, caseOpened('k2'))
    host.advance(60 * DAY_MS)
    await order(host, fresh, 'again', 20_000)
    await host.runJob('churn-risk:nightly-rescore')
    await host.drainDeliveries()
    const page = await host.json(await reader.get(`${api}/customers?sort=-revenueAtStake`))
    expect(page.items.map((c: { customerId: string }) => c.customerId)).toEqual([big, quiet])
    expect(page.total).toBe(2)
    expect(page.items[0]).toMatchObject({ band: 'high', reasons: ['rhythm'], currency: 'CNY' })
    expect(page.items[0].revenueAtStakeMinor).toBeGreaterThan(page.items[1].revenueAtStakeMinor)
    const all = await host.json(await reader.get(`${api}/customers?band=all&sort=score&limit=1`))
    expect(all).toMatchObject({ total: 3, items: [{ customerId: fresh }] })
    const bad = await reader.get(`${api}/customers?sort=name`)
    expect(bad.status).toBe(400)
    expect((await host.json(bad)).error.code).toBeTypeOf('string')
    expect((await reader.get(`${api}/customers/nobody`)).status).toBe(404)
  })

  it('offers win-back points once per customer per period', async () => {
    const id = await regularCustomer(host, 2, 10)
    const first = await host.json(await writer.post(`${api}/customers/${id}/win-back`))
    expect(first).toMatchObject({ status: 'offered', points: 200 })
    const again = await host.json(await writer.post(`${api}/customers/${id}/win-back`))
    expect(again).toMatchObject({ status: 'alreadyOffered', entryId: first.entryId })
    expect(await events(id, 'churn.winback.offered')).toHaveLength(1)
    // The customer is told, once per offer, through core's delivery service.
    // (read from the customer's timeline: the message log is for signed-in staff, whose sessions the time travel below outlives)
    const winBackMessages = async () => {
      const timeline = ((await host.json(await reader.get(`/api/v1/customers/${id}/events?limit=100`))).items as Array<{ type: string; payload: { template?: string; messageId?: string } }>)
      return [...new Set(timeline.filter((e) => e.type.startsWith('message.') && e.payload.template === 'churn.win-back').map((e) => e.payload.messageId))]
    }
    expect(await winBackMessages()).toHaveLength(1)
    host.advance(90 * DAY_MS)
    expect(await host.json(await writer.post(`${api}/customers/${id}/win-back`))).toMatchObject({ status: 'offered' })
    expect(await winBackMessages()).toHaveLength(2)
    const missing = await writer.post(`${api}/customers/nobody/win-back`)
    expect([missing.status, (await host.json(missing)).error.code]).toEqual([404, 'CHURN_CUSTOMER_NOT_SCORED'])
  })

  it('offers automatically on crossing into high risk when configured', async () => {
    expect((await host.http.put('/api/v1/plugins/churn-risk/config', { winBack: { points: 300, auto: true } })).status).toBe(200)
    const id = await regularCustomer(host, 3, 7)
    host.advance(80 * DAY_MS)
    await host.runJob('churn-risk:nightly-rescore')
    expect((await events(id, 'churn.winback.offered'))[0]?.payload).toMatchObject({ points: 300 })
  })

  it('shows the risk bands and the revenue at stake on the dashboard', async () => {
    await regularCustomer(host, 4, 10, 10_000)
    const quiet = await regularCustomer(host, 4, 10, 10_000)
    const back = await regularCustomer(host, 1, 1, 10_000)
    host.advance(60 * DAY_MS)
    await order(host, back, 'x', 1)
    await host.runJob('churn-risk:nightly-rescore')
    const today = host.now().toISOString().slice(0, 10)
    const body = await host.json(await reader.get(`/api/v1/dashboard?from=${today}&to=${today}`))
    const widget = body.widgets.find((w: { plugin: string; id: string }) => w.plugin === 'churn-risk' && w.id === 'atRisk')
    const stake = (await breakdown(quiet)).revenueAtStakeMinor
    expect(widget.data.bands.map((b: { count: number }) => b.count).reduce((a: number, b: number) => a + b)).toBe(3)
    expect(widget.data.bands.find((b: { band: string }) => b.band === 'high').count).toBe(2)
    expect(widget.data.revenueAtStake).toEqual([{ currency: 'CNY', amountMinor: 2 * stake }])
  })

  it('lets staff read and agents act; others are refused', async () => {
    const id = await regularCustomer(host, 1, 1)
    expect((await host.as('anonymous').get(`${api}/customers`)).status).toBe(401)
    expect((await host.as('analyst').post(`${api}/customers/${id}/win-back`)).status).toBe(403)
    const readKey = await host.apiKey(['customers:read'])
    expect((await host.as({ apiKey: readKey }).get(`${api}/customers/${id}`)).status).toBe(200)
    expect((await host.as({ apiKey: readKey }).post(`${api}/customers/${id}/win-back`)).status).toBe(403)
  })
})

describe.each(dialects)('churn risk alone on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [churnRisk], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('scores on orders alone and answers the win-back as unavailable without points-membership', async () => {
    const id = await regularCustomer(host, 2, 15)
    const b = await host.json(await host.as('analyst').get(`${api}/customers/${id}`))
    expect(b.parts).toMatchObject({ satisfaction: { points: 0, now: null }, complaints: { points: 0, open: 0 }, tierDowngrade: { points: 0 } })
    const res = await host.as('agent').post(`${api}/customers/${id}/win-back`)
    expect(res.status).toBe(200)
    expect(await host.json(res)).toMatchObject({ status: 'unavailable', reason: 'points-membership is not enabled' })
  })

  it('refuses a config with the medium threshold above the high one, naming the field', async () => {
    const res = await host.http.put('/api/v1/plugins/churn-risk/config', { mediumThreshold: 80, highThreshold: 70 })
    expect(res.status).toBe(422)
    expect(JSON.stringify((await host.json(res)).error)).toContain('mediumThreshold')
  })
})

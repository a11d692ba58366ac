/**
 * Campaigns (issue 25 item 3): a multiplier or a bonus for the orders whose own time falls in the
 * campaign's window and that meet its conditions, within its budget, each credit explained.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, DAY, member, order, refund } from './points-client.js'

type Json = Record<string, any>

describe.each(dialects)('campaigns on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsMembership], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const at = (days: number) => new Date(host.now().getTime() + days * DAY).toISOString()
  const create = async (body: Json): Promise<Json> => {
    const res = await host.http.post(`${base}/campaigns`, { startsAt: at(-10), endsAt: at(10), ...body })
    expect(res.status, await res.clone().text()).toBe(201)
    return host.json(res)
  }
  /** Campaign entries of a member: [campaign name, points]. */
  const credits = async (id: string) => ((await member(host, id)).entries as Json[])
    .filter((e) => e.details.campaignId).map((e) => [e.details.campaignName, e.points])

  it('doubles the orders whose own time is in the window, whatever the moment they are processed', async () => {
    const double = await create({ name: 'Double days', kind: 'multiplier', multiplier: 2, startsAt: at(-10), endsAt: at(-5) })
    const id = await host.customer({ externalId: 'crm-double' })
    await order(host, id, 10_000, {}, at(-7)) // in the window: 100 + 100
    await order(host, id, 5_000, {}, at(-3)) // after it: 50
    await order(host, id, 2_000, {}, at(-11)) // before it: 20
    // An order imported now with a time inside the window gets the campaign too.
    const imported = await host.http.post('/api/v1/events', { events: [{
      id: 'imp-1', type: 'order.completed', customerExternalId: 'crm-double', orderId: 'SO-imp-1', amountMinor: 3_000, currency: 'CNY', occurredAt: at(-6),
    }] })
    expect(imported.status).toBe(200)
    expect(await credits(id)).toEqual(expect.arrayContaining([['Double days', 100], ['Double days', 30]]))
    expect(await credits(id)).toHaveLength(2)
    expect((await member(host, id)).lifetimeEarned).toBe(100 + 100 + 50 + 20 + 30 + 30)
    const listed = (await host.json(await host.http.get(`${base}/campaigns`))).items as Json[]
    expect(listed.map((c) => [c.id, c.state, c.issuedPoints])).toEqual([[double.id, 'ended', 130]])
  })

  it('applies only when every condition holds: channel, category (its share), first order', async () => {
    await create({ name: 'App bonus', kind: 'bonus', bonusPoints: 25, conditions: { channels: ['app'] } })
    await create({ name: 'Tea triple', kind: 'multiplier', multiplier: 3, conditions: { categories: ['tea'] } })
    await create({ name: 'Welcome', kind: 'bonus', bonusPoints: 500, conditions: { firstOrder: true } })
    const id = await host.customer()
    await order(host, id, 10_000, { channel: 'app', items: [
      { sku: 'T1', category: 'tea', quantity: 1, unitPriceMinor: 4_000 }, { sku: 'C1', category: 'cups', quantity: 1, unitPriceMinor: 6_000 },
    ] }, at(-2))
    await order(host, id, 10_000, { channel: 'store', items: [{ sku: 'C1', category: 'cups', quantity: 1, unitPriceMinor: 10_000 }] }, at(-1))
    // First order: app 25, tea 40% of 100 × (3 − 1) = 80, welcome 500; the second meets none.
    expect((await credits(id)).sort()).toEqual([['App bonus', 25], ['Tea triple', 80], ['Welcome', 500]])
  })

  it('limits a campaign to a saved segment', async () => {
    const seg = await host.http.post('/api/v1/segments', {
      name: 'App buyers', definition: { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'points.lifetimeEarned', op: 'gte', value: 100 }] }] },
    })
    const segmentId = (await host.json(seg)).id
    await create({ name: 'Loyal bonus', kind: 'bonus', bonusPoints: 10, conditions: { segmentId } })
    const [small, big] = [await host.customer(), await host.customer()]
    await order(host, small, 5_000, {}, at(-1))
    await order(host, big, 20_000, {}, at(-1))
    expect(await credits(small)).toEqual([])
    expect(await credits(big)).toEqual([['Loyal bonus', 10]])
  })

  it('stops at its budget: the order that reaches it gets what is left, later orders nothing', async () => {
    const campaign = await create({ name: 'Spring', kind: 'bonus', bonusPoints: 100, budgetPoints: 250 })
    const ids = [await host.customer(), await host.customer(), await host.customer(), await host.customer()]
    for (const id of ids) await order(host, id, 1_000, {}, at(-1))
    expect(await credits(ids[0]!)).toEqual([['Spring', 100]])
    expect(await credits(ids[1]!)).toEqual([['Spring', 100]])
    const crossing = ((await member(host, ids[2]!)).entries as Json[]).find((e) => e.details.campaignId)!
    expect([crossing.points, crossing.details.budgetCut]).toEqual([50, 50])
    expect(await credits(ids[3]!)).toEqual([])
    const [listed] = (await host.json(await host.http.get(`${base}/campaigns`))).items as Json[]
    expect([listed!.id, listed!.issuedPoints, listed!.state]).toEqual([campaign.id, 250, 'exhausted'])
  })

  it('a refund takes back the campaign points with the order\'s own, in proportion, and they go back to the budget', async () => {
    await create({ name: 'Double days', kind: 'multiplier', multiplier: 2, budgetPoints: 100 })
    const id = await host.customer()
    const orderId = await order(host, id, 10_000, {}, at(-1)) // 100 + 100: the budget is spent
    const issued = async () => ((await host.json(await host.http.get(`${base}/campaigns`))).items as Json[]).map((c) => [c.issuedPoints, c.state])
    expect(await issued()).toEqual([[100, 'exhausted']])
    await refund(host, id, orderId, 2_500)
    let m = await member(host, id)
    expect([m.balance, m.lifetimeEarned]).toEqual([150, 150])
    expect(await issued()).toEqual([[75, 'running']])
    await refund(host, id, orderId, 7_500)
    m = await member(host, id)
    expect([m.balance, m.lifetimeEarned, m.debt]).toEqual([0, 0, 0])
    expect((m.entries as Json[]).filter((e) => e.kind === 'revoke').map((e) => e.points).sort()).toEqual([25, 25, 75, 75])
    expect(await issued()).toEqual([[0, 'running']])
  })

  it('keeps campaign points inside the member\'s daily and lifetime caps, cutting the credit to the room left', async () => {
    await host.host!.configure('points-membership', { caps: { perDay: 150, perCustomer: 350 } })
    try {
      await create({ name: 'Double days', kind: 'multiplier', multiplier: 2 })
      const id = await host.customer()
      await order(host, id, 10_000, {}, at(-2)) // 100 + 100 asked, the day leaves 50
      await order(host, id, 10_000, {}, at(-2)) // the day is full: nothing
      await order(host, id, 10_000, {}, at(-1)) // the next day: 100 + 50 again
      await order(host, id, 10_000, {}, at(0)) // the lifetime cap leaves 50 for the order and nothing for the campaign
      const m = await member(host, id)
      const campaign = (m.entries as Json[]).filter((e) => e.details.campaignId).map((e) => [e.points, e.details.capCut])
      expect(campaign).toEqual([[50, 50], [50, 50]])
      expect([m.balance, m.lifetimeEarned]).toEqual([350, 350])
      const [listed] = (await host.json(await host.http.get(`${base}/campaigns`))).items as Json[]
      expect(listed!.issuedPoints).toBe(100)
    } finally {
      await host.host!.configure('points-membership', {})
    }
  })

  it('explains each credit by its campaign, and a repeated order is credited once', async () => {
    const campaign = await create({ name: 'Double days', kind: 'multiplier', multiplier: 2 })
    const id = await host.customer()
    const orderId = await order(host, id, 12_900, {}, at(-1))
    await host.emit('order.completed', id, { orderId, amountMinor: 12_900, currency: 'CNY' }, { occurredAt: at(-1) })
    expect(await credits(id)).toEqual([['Double days', 129]])
    const explained = await host.json(await host.http.get(`/api/v1/customers/${id}/explain?field=points.balance`))
    expect(explained.value).toBe(258)
    expect(explained.changes.map((c: Json) => [c.source.id, c.next])).toEqual([['enrol', 0], ['earn', 129], [`campaign:${campaign.id}`, 258]])
  })

  it('pauses, edits, and refuses what does not fit', async () => {
    const campaign = await create({ name: 'Double days', kind: 'multiplier', multiplier: 2 })
    const paused = await host.http.put(`${base}/campaigns/${campaign.id}`, { ...campaign, id: undefined, state: undefined, issuedPoints: undefined, createdAt: undefined, updatedAt: undefined, active: false })
    expect(paused.status, await paused.clone().text()).toBe(200)
    expect((await host.json(paused)).state).toBe('paused')
    const id = await host.customer()
    await order(host, id, 10_000, {}, at(-1))
    expect(await credits(id)).toEqual([])
    const body = { name: 'X', kind: 'bonus', multiplier: 2, startsAt: at(0), endsAt: at(1) }
    expect((await host.http.post(`${base}/campaigns`, body)).status).toBe(400)
    expect((await host.http.post(`${base}/campaigns`, { ...body, kind: 'multiplier', endsAt: at(-1) })).status).toBe(400)
    const missing = await host.http.put(`${base}/campaigns/pcm_none`, { ...body, kind: 'multiplier' })
    expect([missing.status, (await host.json(missing)).error.code]).toEqual([404, 'POINTS_CAMPAIGN_NOT_FOUND'])
    expect((await host.as('analyst').post(`${base}/campaigns`, { ...body, kind: 'multiplier' })).status).toBe(403)
  })
})

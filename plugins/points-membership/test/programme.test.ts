import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dateOfDay, dayNumber, definePlugin, type PayloadOf, z } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, DAY, daysAgo, member, memberWith, order, refund, snapshot, spend, travel } from './points-client.js'

/**
 * A stand-in for complaint-tracking: emits goodwill grants and uses `points.credit`. It takes the
 * real plugin's name and names points-membership in `optional`, as the real one does: the host
 * lets a plugin listen to another's events, or use its extension point, only along such a relation.
 */
const fakeComplaints = definePlugin({
  name: 'complaint-tracking', namespace: 'complaints', eventPrefixes: ['complaint'], version: '1.0.0', host: '^1',
  requires: {}, optional: { 'points-membership': '*' },
  events: { 'complaint.goodwill.granted': z.object({ caseId: z.string(), amount: z.number() }) },
})

/** The business date now (the test host's business runs on Asia/Shanghai time): the birthday job's day. */
const businessDate = (host: TestHost) => dateOfDay(dayNumber(host.now(), 'Asia/Shanghai'))

const config = { signupBonus: 50, birthdayBonus: { points: 200, when: 'day' }, expiryNoticeDays: 10, pointValueMinor: 2 }

describe.each(dialects)('bonuses, jobs, goodwill and reports on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [fakeComplaints, pointsMembership], dialect, config: { 'points-membership': config } })
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const events = async (id: string, type: string) =>
    (await host.json(await host.http.get(`/api/v1/customers/${id}/events?limit=100`))).items.filter((e: { type: string }) => e.type === type)

  it('credits the signup bonus once, at enrolment, available at once', async () => {
    const id = await host.customer()
    expect((await host.http.post(`${base}/members`, { customerId: id })).status).toBe(201)
    expect((await host.http.post(`${base}/members`, { customerId: id })).status).toBe(200)
    expect(await member(host, id)).toMatchObject({ balance: 50, available: 50, lifetimeEarned: 50 })
    const auto = await host.customer()
    await order(host, auto, 10_000)
    expect(await member(host, auto)).toMatchObject({ balance: 150, available: 50, pending: 100 })
  })

  it('credits the birthday bonus on the day, once a year, even when the job runs twice', async () => {
    const today = businessDate(host).slice(5, 10)
    const born = await host.customer()
    await host.http.post(`${base}/members`, { customerId: born, birthday: `1990-${today}` })
    const other = await memberWith(host, 0)
    expect((await host.http.patch(`${base}/members/${other}`, { birthday: '02-29' })).status).toBe(200)
    await host.runJob('points-membership:birthday-bonus')
    await host.runJob('points-membership:birthday-bonus')
    expect((await member(host, born)).balance).toBe(250)
    expect(await member(host, other)).toMatchObject({ balance: 50, birthday: '02-29' })
    const bad = await host.http.patch(`${base}/members/${other}`, { birthday: '13-01' })
    expect([bad.status, (await host.json(bad)).error.code]).toEqual([400, 'REQUEST_INVALID'])
  })

  it('takes the birthday from the customer record in core, as of the job’s run', async () => {
    const today = businessDate(host).slice(5, 10)
    const year = Number(businessDate(host).slice(0, 4))
    // Born today by their customer record only (nothing given at enrolment), and one born another day.
    const born = await host.customer({ birthday: `1988-${today}` })
    const notToday = await host.customer({ birthday: today === '01-01' ? '1988-01-02' : '1988-01-01' })
    await order(host, born, 1_000)
    await order(host, notToday, 1_000)
    await host.runJob('points-membership:birthday-bonus')
    const entries = (await member(host, born)).entries as Array<{ kind: string; points: number; occurredAt: string; details: { bonusFor?: string; year?: number } }>
    expect(entries.filter((e) => e.details.bonusFor === 'birthday')).toEqual([expect.objectContaining({ points: 200, occurredAt: host.now().toISOString(), details: expect.objectContaining({ year }) })])
    expect((await member(host, notToday)).entries.some((e: { details: { bonusFor?: string } }) => e.details.bonusFor === 'birthday')).toBe(false)
  })

  it('emits points.expiring once per customer and expiry day, N days ahead', async () => {
    const id = await host.customer()
    await order(host, id, 3_000, {}, daysAgo(host, 360))
    await order(host, id, 4_000, {}, daysAgo(host, 300))
    await host.runJob('points-membership:notify-expiring')
    await host.runJob('points-membership:notify-expiring')
    const notices = await events(id, 'points.expiring')
    expect(notices).toHaveLength(1)
    // The first order's 30 and the signup bonus its enrolment credited at the order's time (50) expire
    // together in 5 days; the second order's 40 expire later, outside the notice days.
    expect(notices[0].payload).toMatchObject({ points: 80, lotIds: [expect.any(String), expect.any(String)] })
    await travel(host, 1 * DAY)
    await host.runJob('points-membership:notify-expiring')
    expect(await events(id, 'points.expiring')).toHaveLength(1)
  })

  it('credits complaint goodwill once per case, enrolling the customer, and ignores malformed grants', async () => {
    const id = await host.customer()
    // Grants of the older shape (`amount`, no resolution code), which the handler still reads; the last is malformed.
    const grant = (caseId: string, amount: number) => ({ caseId, amount }) as unknown as PayloadOf<'complaint.goodwill.granted'>
    await host.emit('complaint.goodwill.granted', id, grant('case-1', 300))
    await host.emit('complaint.goodwill.granted', id, grant('case-1', 300))
    await host.emit('complaint.goodwill.granted', id, grant('case-2', 1.5))
    const m = await member(host, id)
    expect(m).toMatchObject({ balance: 350, available: 350 })
    expect(m.entries[0]).toMatchObject({ kind: 'adjust', delta: 300, reason: 'goodwill: complaint case case-1' })
    expect((await host.runCommand('points', 'verify')).exitCode).toBe(0)
  })

  it('offers points.credit to other plugins, capped by maxGoodwillPoints and once per key', async () => {
    const credit = host.host!.runtime.extension('points.credit') as (i: Record<string, unknown>) => Promise<Record<string, unknown>>
    const id = await memberWith(host, 0)
    const first = await credit({ customerId: id, points: 50_000, key: 'case-9', reason: 'broken kettle', source: 'fake-complaints' })
    expect(first).toMatchObject({ credited: true, repeated: false, points: 10_000, balance: 10_050 })
    expect(await credit({ customerId: id, points: 10_000, key: 'case-9', reason: 'broken kettle', source: 'fake-complaints' })).toMatchObject({ credited: true, repeated: true })
    await host.http.patch(`${base}/members/${id}`, { status: 'suspended' })
    expect(await credit({ customerId: id, points: 5, key: 'case-10', reason: 'x', source: 'fake-complaints' })).toEqual({ credited: false, reason: 'member is suspended' })
    expect((await member(host, id)).balance).toBe(10_050)
  })

  it('reports the liability, earn and burn per day, and a member statement, in SQL', async () => {
    const a = await memberWith(host, 100)
    const o = await order(host, a, 10_000, {}, daysAgo(host, 3))
    expect((await spend(host, a, 120, 'k1')).status).toBe(201)
    await refund(host, a, o, 5_000)
    const b = await memberWith(host, 0)
    const liability = await host.json(await host.http.get(`${base}/reports/liability`))
    expect(liability).toMatchObject({ members: 2, activeMembers: 2, outstandingPoints: 130, pendingPoints: 50, debtPoints: 0, valueMinor: 260, currency: 'CNY' })
    const series = await host.json(await host.as('analyst').get(`${base}/reports/earn-burn?bucket=day&from=${daysAgo(host, 10).slice(0, 10)}`))
    const today = host.now().toISOString().slice(0, 10)
    expect(series.rows).toEqual([
      { period: daysAgo(host, 3).slice(0, 10), earned: 100, spent: 0, expired: 0, revoked: 0, adjustedDown: 0 },
      { period: today, earned: 200, spent: 120, expired: 0, revoked: 50, adjustedDown: 0 },
    ])
    const st = await host.json(await host.http.get(`${base}/members/${a}/statement?from=${daysAgo(host, 1)}`))
    expect(st).toMatchObject({ openingBalance: 100, credits: 150, debits: 170, closingBalance: 80 })
    expect(st.closingBalance).toBe((await member(host, a)).balance)
    expect(st.entries.map((e: { kind: string }) => e.kind)).toEqual(['earn', 'adjust', 'spend', 'revoke'])
    const bad = await host.http.get(`${base}/reports/earn-burn?from=2026-06-01&to=2026-05-01`)
    expect([bad.status, (await host.json(bad)).error.code]).toEqual([422, 'POINTS_RANGE_INVALID'])
    const garbage = await host.http.get(`${base}/members/${b}/statement?from=yesterday`)
    expect([garbage.status, (await host.json(garbage)).error.code]).toEqual([400, 'REQUEST_INVALID'])
    expect((await host.http.get(`${base}/members/nobody/statement`)).status).toBe(404)
  })

  it('previews an order without writing anything', async () => {
    const id = await memberWith(host, 0)
    const before = await snapshot(host, id)
    const res = await host.http.post(`${base}/preview`, { customerId: id, amountMinor: 9_900, currency: 'CNY' })
    expect(await host.json(res)).toMatchObject({ points: 99, lines: [{ rule: 'base', points: 99 }] })
    expect(await snapshot(host, id)).toEqual(before)
    expect(await events(id, 'points.earned')).toHaveLength(1)
  })
})

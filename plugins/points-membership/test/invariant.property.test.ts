import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { adjust, base, daysAgo, invariantHolds, order, refund, spend } from './points-client.js'

type Step =
  | { kind: 'earn'; amountMinor: number; ageDays: number }
  | { kind: 'spend'; points: number }
  | { kind: 'refund'; pick: number; percent: number }
  | { kind: 'expire' }
  | { kind: 'adjust'; points: number }
  | { kind: 'redeem'; cost: number }
  | { kind: 'void'; pick: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('earn' as const), amountMinor: fc.integer({ min: 0, max: 40_000 }), ageDays: fc.integer({ min: 0, max: 400 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('spend' as const), points: fc.integer({ min: 1, max: 400 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), percent: fc.integer({ min: 1, max: 100 }) }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'expire' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('adjust' as const), points: fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0) }), weight: 2 },
  // Redeeming a reward, voiding its voucher and redeeming again (a reissue) must leave lifetime earned alone.
  { arbitrary: fc.record({ kind: fc.constant('redeem' as const), cost: fc.constantFrom(10, 40, 150) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }), weight: 2 },
)

describe.each(dialects)('the ledger invariant under random sequences on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect })
    for (const cost of [10, 40, 150]) await host.http.post(`${base}/rewards`, { id: `r${cost}`, name: `Reward ${cost}`, costPoints: cost })
    // Orders of the last 60 days also earn a campaign's 1.5x (its own entries and lots), so refunds take campaign points back too.
    await host.http.post(`${base}/campaigns`, { name: 'Half again', kind: 'multiplier', multiplier: 1.5, startsAt: daysAgo(host, 60), endsAt: daysAgo(host, -1), budgetPoints: 2_000 })
  }, 60_000)
  afterAll(() => host.close())

  it('balance = Σ lot remainders − debt and lifetime earned = credits − revocations after every step of earn, spend, refund (also of campaign points), expire, adjust, redeem and void', async () => {
    let run = 0
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
      run += 1
      const id = await host.customer()
      await host.http.post(`${base}/members`, { customerId: id })
      const orders: Array<{ orderId: string; amountMinor: number }> = []
      const codes: string[] = []
      for (const [i, s] of steps.entries()) {
        const before = await host.json(await host.http.get(`${base}/members/${id}`))
        if (s.kind === 'earn') {
          orders.push({ orderId: await order(host, id, s.amountMinor, {}, daysAgo(host, s.ageDays)), amountMinor: s.amountMinor })
        } else if (s.kind === 'spend') {
          expect([201, 409]).toContain((await spend(host, id, s.points, `r${run}-s${i}`)).status)
        } else if (s.kind === 'refund' && orders.length > 0) {
          const o = orders[s.pick % orders.length]!
          const amount = Math.max(1, Math.floor((o.amountMinor * s.percent) / 100))
          await refund(host, id, o.orderId, amount)
        } else if (s.kind === 'expire') {
          await host.runJob('points-membership:expire-points')
        } else if (s.kind === 'adjust') {
          expect([201, 409]).toContain((await adjust(host, id, s.points, 'property test', `r${run}-a${i}`)).status)
        } else if (s.kind === 'redeem') {
          const res = await host.http.post(`${base}/members/${id}/redemptions`, { rewardId: `r${s.cost}`, idempotencyKey: `r${run}-r${i}` })
          expect([201, 409]).toContain(res.status)
          if (res.status === 201) codes.push((await host.json(res)).vouchers[0].code)
        } else if (s.kind === 'void' && codes.length > 0) {
          const [code] = codes.splice(s.pick % codes.length, 1)
          expect((await host.http.post(`${base}/voucher-voids`, { code, reason: 'property test' })).status).toBe(200)
        }
        const m = await host.json(await host.http.get(`${base}/members/${id}`))
        expect(invariantHolds(m), JSON.stringify({ step: s, m })).toBe(true)
        // Only earning moves lifetime earned up, only a refund's revocation moves it down.
        if (s.kind === 'redeem' || s.kind === 'void' || s.kind === 'spend' || s.kind === 'expire') expect(m.lifetimeEarned).toBe(before.lifetimeEarned)
        const credited = m.entries.length < 20 ? m.entries.reduce((n: number, e: { kind: string; points: number; delta: number }) =>
          n + (e.kind === 'earn' || (e.kind === 'adjust' && e.delta > 0) ? e.points : e.kind === 'revoke' ? -e.points : 0), 0) : m.lifetimeEarned
        expect(m.lifetimeEarned).toBe(credited)
        expect(m.debt).toBeGreaterThanOrEqual(0)
        expect(m.lots.every((l: { remaining: number; points: number }) => l.remaining >= 0 && l.remaining <= l.points)).toBe(true)
      }
      // The mirrored profile field follows the stored balance: a lot past its expiry leaves it when the job (or the next write) expires it.
      await host.runJob('points-membership:expire-points')
      const report = await host.json(await host.http.get(`${base}/verify`))
      expect(report.mismatches.filter((x: { customerId: string }) => x.customerId === id)).toEqual([])
      expect((await host.profile(id))['points.balance']).toBe((await host.json(await host.http.get(`${base}/members/${id}`))).balance)
    }), { numRuns: Number(process.env.POINTS_PROPERTY_RUNS ?? 25) })
  }, 300_000)
})

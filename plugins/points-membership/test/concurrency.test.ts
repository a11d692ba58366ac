import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, invariantHolds, member, memberWith, spend } from './points-client.js'

describe.each(dialects)('concurrent spends on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsMembership], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('64 concurrent spends on one balance never overdraw it', async () => {
    const id = await memberWith(host, 300)
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) => spend(host, id, 10, `c-${i}`)))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(30)
    expect(statuses.filter((s) => s === 409)).toHaveLength(34)
    for (const r of results.filter((r) => r.status === 409)) expect((await host.json(r)).error.code).toBe('POINTS_INSUFFICIENT_BALANCE')
    const m = await member(host, id)
    expect(m).toMatchObject({ balance: 0, available: 0, debt: 0 })
    expect(invariantHolds(m)).toBe(true)
    expect((await host.profile(id))['points.balance']).toBe(0)
    expect((await host.json(await host.http.get(`${base}/verify`))).ok).toBe(true)
  })

  it('64 concurrent repeats of one key spend once and all return the first result', async () => {
    const id = await memberWith(host, 300)
    const results = await Promise.all(Array.from({ length: 64 }, () => spend(host, id, 7, 'same-key')))
    const bodies = await Promise.all(results.map((r) => host.json(r)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(new Set(bodies.map((b) => b.entry.entryId)).size).toBe(1)
    expect((await member(host, id)).balance).toBe(293)
  })
  it('concurrent redemptions by many members commit together; the refused ones change nothing', async () => {
    await host.http.post(`${base}/rewards`, { id: 'mug', name: 'Mug', costPoints: 40, stock: 10 })
    const rich = await Promise.all(Array.from({ length: 8 }, () => memberWith(host, 100)))
    const poor = await memberWith(host, 30)
    const redeem = (id: string, key: string) => host.http.post(`${base}/members/${id}/redemptions`, { rewardId: 'mug', idempotencyKey: key })
    // 8 members × 2 redemptions = 16 asks for 10 mugs, interleaved with refusals for the poor member.
    const asks = rich.flatMap((id, i) => [redeem(id, `a-${i}`), redeem(poor, `p-${i}`), redeem(id, `b-${i}`)])
    const results = await Promise.all(asks)
    const bodies = await Promise.all(results.map((r) => host.json(r)))
    const codes = bodies.filter((_, i) => results[i]!.status === 201).flatMap((b) => b.vouchers.map((v: { code: string }) => v.code))
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    const refused = bodies.filter((_, i) => results[i]!.status === 409).map((b) => b.error.code)
    expect(refused.filter((c) => c === 'POINTS_INSUFFICIENT_BALANCE')).toHaveLength(8)
    expect(refused.filter((c) => c === 'POINTS_OUT_OF_STOCK')).toHaveLength(6)
    const spent = (await Promise.all(rich.map((id) => member(host, id)))).reduce((sum, m) => sum + (100 - m.balance), 0)
    expect(spent).toBe(10 * 40)
    expect((await member(host, poor)).balance).toBe(30)
    expect((await host.json(await host.http.get(`${base}/verify`))).ok).toBe(true)
  })
})

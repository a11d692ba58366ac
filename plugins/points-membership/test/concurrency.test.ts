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
})

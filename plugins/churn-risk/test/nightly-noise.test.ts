import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type Client, type TestHost } from '@rapport/plugin-sdk/testing'
import churnRisk from '../server/index.js'
import { DAY_MS, regularCustomer } from './helpers.js'

const NIGHTS = 30
/** The mirrored fields as the admin shows them (pActive as a whole percent), to tell a real move from drift. */
const read = (p: Record<string, unknown>) => JSON.stringify([
  p['churnRisk.score'], p['churnRisk.band'], p['churnRisk.rhythmPoints'], p['churnRisk.satisfactionPoints'], p['churnRisk.complaintPoints'],
  p['churnRisk.tierDowngradePoints'], Math.round((p['churnRisk.pActive'] as number) * 100), p['churnRisk.typicalGapDays'], p['churnRisk.revenueAtStakeMinor'],
])

// Issue 19: the nightly rescore wrote a profile change per customer per night (pActive to 4
// decimals and scoredAt drift daily), 85% of an import's change rows.
describe.each(dialects)('churn risk nightly rescore records only real moves on %s', (dialect) => {
  let host: TestHost
  let reader: Client
  beforeAll(async () => { host = await createTestHost({ plugins: [churnRisk], dialect }) }, 60_000)
  beforeEach(async () => {
    await host.reset()
    await host.http.put('/api/v1/plugins/churn-risk/config', {})
    reader = host.as({ apiKey: await host.apiKey(['customers:read']) })
  })
  afterAll(() => host.close())

  const changesOf = async (id: string, field: string) =>
    (await host.json(await reader.get(`/api/v1/customers/${id}/explain?field=${field}&limit=100`))).changes as Array<{ source: { id: string } }>
  const nightly = async (id: string, field: string) => (await changesOf(id, field)).filter((c) => c.source.id === 'nightly-rescore').length

  it('writes churn fields and scoredAt only on the nights something people read moved', async () => {
    const id = await regularCustomer(host, 3, 20)
    host.advance(60 * DAY_MS) // well into the silence, where the percent moves slowly
    let last = read(await host.profile(id))
    let moves = 0
    for (let night = 0; night < NIGHTS; night++) {
      host.advance(DAY_MS)
      await host.runJob('churn-risk:nightly-rescore')
      const now = read(await host.profile(id))
      if (now !== last) moves++
      last = now
    }
    expect(moves).toBeLessThan(NIGHTS) // the scenario has quiet nights to tell the old behaviour apart
    expect(await nightly(id, 'churnRisk.scoredAt')).toBe(moves)
    const perField = await Promise.all(['churnRisk.pActive', 'churnRisk.score', 'churnRisk.typicalGapDays', 'churnRisk.revenueAtStakeMinor'].map((f) => nightly(id, f)))
    expect(Math.max(...perField)).toBeLessThanOrEqual(moves)
    expect(perField[2]).toBe(0) // the typical gap follows the orders, not the nights
    expect(perField[3]).toBe(0)
  })

  it('leaves a long-gone customer alone: nothing people read moves any more', async () => {
    const id = await regularCustomer(host, 2, 10)
    host.advance(400 * DAY_MS)
    await host.runJob('churn-risk:nightly-rescore')
    const gone = await host.profile(id)
    expect(gone).toMatchObject({ 'churnRisk.pActive': 0, 'churnRisk.band': 'high' })
    for (let night = 0; night < NIGHTS; night++) {
      host.advance(DAY_MS)
      await host.runJob('churn-risk:nightly-rescore')
    }
    expect(await host.profile(id)).toEqual(gone) // scoredAt included: it is written only with a real move
    expect(await nightly(id, 'churnRisk.scoredAt')).toBe(1)
  })
})

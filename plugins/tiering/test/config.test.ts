import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import { config, thresholdProblems } from '../server/config.js'
import tiering from '../server/index.js'

const defaults = config.parse({})
const ranges = (iron: [number, number], bronze: [number, number], silver: [number, number], diamond: number) => ({
  iron: { minMinor: iron[0], maxMinor: iron[1] }, bronze: { minMinor: bronze[0], maxMinor: bronze[1] },
  silver: { minMinor: silver[0], maxMinor: silver[1] }, diamond: { minMinor: diamond },
})

describe('thresholdProblems', () => {
  it('accepts the defaults', () => expect(thresholdProblems(defaults.tiers.thresholds)).toEqual([]))
  it.each([
    ['a gap', ranges([0, 100], [150, 500], [500, 900], 900), 'bronze', 'Gap: iron ends at 100 but bronze starts at 150'],
    ['an overlap', ranges([0, 100], [100, 500], [400, 900], 900), 'silver', 'Overlap: bronze ends at 500 but silver starts at 400'],
    ['iron not starting at 0', ranges([10, 100], [100, 500], [500, 900], 900), 'iron', 'iron must start at 0, not 10'],
    ['an empty range', ranges([0, 100], [100, 100], [100, 900], 900), 'bronze', 'bronze range 100–100 is empty'],
  ])('names %s', (_name, thresholds, tier, message) => {
    expect(thresholdProblems(thresholds)).toContainEqual({ tier, message })
  })
  it('wants the top tier open-ended', () => {
    expect(thresholdProblems({ ...defaults.tiers.thresholds, diamond: { minMinor: 2_000_000, maxMinor: 3_000_000 } }))
      .toEqual([{ tier: 'diamond', message: 'diamond is the highest tier and takes no maxMinor' }])
  })
})

describe.each(dialects)('config through the API on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  afterAll(() => host.close())

  const put = (body: unknown) => host.http.put('/api/v1/plugins/tiering/config', body)
  const stored = async () => (await host.json(await host.http.get('/api/v1/plugins/tiering'))).config

  it('fills every default from an empty config', async () => {
    const res = await put({})
    expect(res.status).toBe(200)
    expect(await stored()).toMatchObject({ windowDays: 365, tiers: { mode: 'percentile', percentiles: { diamond: 20, silver: 30, bronze: 30, iron: 20 }, downgrade: 'atReevaluation' } })
    expect((await stored()).tiers.names.diamond).toEqual({ en: 'Diamond', 'zh-CN': '金钻' })
  })

  it.each([
    ['percentiles not summing to 100', { tiers: { percentiles: { diamond: 20, silver: 30, bronze: 30, iron: 30 } } }, 'tiers.percentiles', 'Tier percentiles must sum to 100, not 110'],
    ['a gap between thresholds', { tiers: { mode: 'thresholds', thresholds: ranges([0, 100], [200, 500], [500, 900], 900) } }, 'tiers.thresholds.bronze', 'Gap: iron ends at 100 but bronze starts at 200'],
    ['overlapping thresholds', { tiers: { mode: 'thresholds', thresholds: ranges([0, 100], [100, 600], [500, 900], 900) } }, 'tiers.thresholds.silver', 'Overlap: bronze ends at 600 but silver starts at 500'],
    ['an empty segment range', { segments: [{ segment: 'champions', r: [5, 4], f: [1, 5], m: [1, 5] }] }, 'segments.0.r', 'Range 5–4 of champions is empty'],
    ['an unknown segment', { segments: [{ segment: 'vip', r: [1, 5], f: [1, 5], m: [1, 5] }] }, 'segments.0.segment', undefined],
    ['a score out of 1..5', { segments: [{ segment: 'loyal', r: [0, 5], f: [1, 5], m: [1, 5] }] }, 'segments.0.r.0', undefined],
  ])('refuses %s with 422 naming it, and keeps the config', async (_name, body, path, message) => {
    await put({ windowDays: 180 })
    const res = await put(body)
    expect(res.status).toBe(422)
    const { error } = await host.json(res)
    expect(error.code).toBe('PLUGIN_CONFIG_INVALID')
    const issue = (error.details.issues as Array<{ path: string; message: string }>).find((i) => i.path === path)
    expect(issue).toBeDefined()
    if (message) expect(issue!.message).toBe(message)
    expect((await stored()).windowDays).toBe(180)
  })
})

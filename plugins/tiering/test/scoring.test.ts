import { describe, expect, it } from 'vitest'
import { config } from '../server/config.js'
import { nextTier } from '../server/scoring/next-tier.js'
import { quintileScore, scoreFromCuts } from '../server/scoring/quintile-score.js'
import { recencyStatus } from '../server/scoring/recency-status.js'
import { rfmCode, segmentOf } from '../server/scoring/segment-of.js'
import { tierByPercentile, tierByThresholds, tierFromCuts } from '../server/scoring/value-tier.js'

const defaults = config.parse({})

/** Standing of each value in a population, as the SQL computes it. */
const scoresOf = (values: number[]) => values.map((v) => quintileScore({ below: values.filter((x) => x < v).length, equal: values.filter((x) => x === v).length, n: values.length }))

describe('quintileScore', () => {
  it.each([
    ['five distinct values', [10, 20, 30, 40, 50], [1, 2, 3, 4, 5]],
    ['ten distinct values', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    ['one customer sits in the middle', [700], [3]],
    ['two customers', [1, 2], [2, 4]],
    ['three customers', [1, 2, 3], [1, 3, 5]],
    ['four customers', [1, 2, 3, 4], [1, 2, 4, 5]],
    ['all tied', [5, 5, 5, 5, 5, 5], [3, 3, 3, 3, 3, 3]],
    ['all zero spend', [0, 0, 0], [3, 3, 3]],
    ['ties share a score', [1, 1, 1, 1, 2, 3], [2, 2, 2, 2, 4, 5]],
    ['a big tie at the top', [1, 2, 9, 9, 9, 9], [1, 2, 4, 4, 4, 4]],
  ])('%s', (_name, values, expected) => {
    expect(scoresOf(values)).toEqual(expected)
  })

  it('is 3 for an empty population', () => expect(quintileScore({ below: 0, equal: 0, n: 0 })).toBe(3))

  it('never leaves 1..5 and never decreases as the value grows', () => {
    const values = [0, 0, 3, 3, 3, 7, 8, 8, 20, 21, 21, 21, 40]
    const scores = scoresOf(values)
    expect(scores.every((s) => s >= 1 && s <= 5)).toBe(true)
    expect([...scores].sort((a, b) => a - b)).toEqual(scores)
  })
})

describe('scoreFromCuts', () => {
  it.each([
    [5, [10, 50, 100, 500], 1], [10, [10, 50, 100, 500], 2], [120, [10, 50, 100, 500], 4], [9999, [10, 50, 100, 500], 5],
    [120, [null, 50, null, 500], 2], [0, [null, null, null, null], 1],
  ] as const)('%i against %j scores %i', (value, cuts, expected) => {
    expect(scoreFromCuts(value, cuts)).toBe(expected)
  })
})

describe('tierByPercentile (default 20/30/30/20)', () => {
  const p = defaults.tiers.percentiles
  const tiersOf = (values: number[]) => values.map((v) => tierByPercentile(v, { above: values.filter((x) => x > 0 && x > v).length, equal: values.filter((x) => x === v).length, n: values.filter((x) => x > 0).length }, p))
  it.each([
    ['ten distinct spenders', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], ['diamond', 'diamond', 'silver', 'silver', 'silver', 'bronze', 'bronze', 'bronze', 'iron', 'iron']],
    ['one spender is in the middle', [500], ['bronze']],
    ['two spenders', [2, 1], ['silver', 'bronze']],
    ['zero spend is iron', [0, 0, 100], ['iron', 'iron', 'bronze']],
    ['ties share a tier', [5, 5, 5, 5, 1], ['silver', 'silver', 'silver', 'silver', 'iron']],
  ])('%s', (_name, values, expected) => {
    expect(tiersOf(values)).toEqual(expected)
  })
})

describe('tierByThresholds and tierFromCuts', () => {
  it.each([[0, 'iron'], [99_999, 'iron'], [100_000, 'bronze'], [499_999, 'bronze'], [500_000, 'silver'], [2_000_000, 'diamond'], [-50, 'iron']] as const)(
    'spend %i is %s by the default thresholds', (spend, tier) => expect(tierByThresholds(spend, defaults.tiers.thresholds)).toBe(tier))
  it.each([[0, 'iron'], [40, 'iron'], [50, 'bronze'], [300, 'silver'], [1000, 'diamond']] as const)(
    'spend %i against cuts is %s', (spend, tier) => expect(tierFromCuts(spend, { diamond: 1000, silver: 200, bronze: 50 })).toBe(tier))
  it('skips a tier no one reached', () => expect(tierFromCuts(300, { diamond: 1000, silver: null, bronze: 50 })).toBe('bronze'))
})

describe('segmentOf with the default ranges', () => {
  it.each([
    [5, 5, 5, 'champions'], [4, 4, 4, 'champions'], [5, 5, 1, 'loyal'], [3, 3, 3, 'loyal'], [5, 1, 1, 'new'], [4, 1, 5, 'promising'],
    [3, 2, 2, 'potentialLoyalist'], [1, 5, 5, 'cantLose'], [1, 5, 1, 'atRisk'], [2, 4, 4, 'atRisk'], [2, 3, 3, 'needAttention'],
    [2, 2, 2, 'aboutToSleep'], [1, 1, 1, 'lost'], [1, 2, 5, 'lost'], [2, 1, 1, 'hibernating'], [1, 3, 3, 'hibernating'],
  ] as const)('R%i F%i M%i is %s', (r, f, m, segment) => {
    expect(segmentOf({ r, f, m }, defaults.segments, defaults.fallbackSegment)).toBe(segment)
  })

  it('names every one of the 125 score combinations without the fallback', () => {
    const unmatched = []
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) {
      if (!defaults.segments.some((s) => r >= s.r[0] && r <= s.r[1] && f >= s.f[0] && f <= s.f[1] && m >= s.m[0] && m <= s.m[1])) unmatched.push(`${r}${f}${m}`)
    }
    expect(unmatched).toEqual([])
  })

  it('falls back when no rule matches', () => {
    expect(segmentOf({ r: 1, f: 1, m: 1 }, [{ segment: 'champions', r: [5, 5], f: [5, 5], m: [5, 5] }], 'lost')).toBe('lost')
  })

  it('writes the RFM code R, F, M', () => expect(rfmCode({ r: 5, f: 3, m: 1 })).toBe('531'))
})

describe('recencyStatus', () => {
  const r = defaults.recency // minOrders 3, minGapDays 7, factors 1.5 / 3, fallback 90 / 180 days
  it.each([
    ['own gap: on rhythm', 20, 5, 20, 'active'],
    ['own gap: 1.5 gaps is still active', 30, 5, 20, 'active'],
    ['own gap: late', 40, 5, 20, 'atRisk'],
    ['own gap: three gaps', 60, 5, 20, 'atRisk'],
    ['own gap: past three gaps', 61, 5, 20, 'hibernating'],
    ['own gap is floored at minGapDays', 10, 4, 1, 'active'],
    ['floored gap: late', 11, 4, 1, 'atRisk'],
    ['few orders: absolute days', 90, 2, 10, 'active'],
    ['few orders: at risk', 91, 1, null, 'atRisk'],
    ['few orders: hibernating', 181, 1, null, 'hibernating'],
    ['just bought', 0, 1, null, 'active'],
  ] as const)('%s (%i days, %i orders, gap %s)', (_name, daysSinceLast, orders, avgGapDays, expected) => {
    expect(recencyStatus({ daysSinceLast, orders, avgGapDays }, r)).toBe(expected)
  })
})

describe('nextTier (downgrade policy)', () => {
  const now = new Date('2026-06-01T00:00:00Z')
  const since = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()
  it.each([
    ['first tier', null, 'bronze', 'event', 'atReevaluation', 0, 'bronze', 'initial'],
    ['upgrade at once on an event', 'iron', 'silver', 'event', 'never', 0, 'silver', 'upgrade'],
    ['same tier', 'silver', 'silver', 'reevaluation', 'atReevaluation', 0, 'silver', 'unchanged'],
    ['never: held at re-evaluation', 'diamond', 'iron', 'reevaluation', 'never', 400, 'diamond', 'downgradeHeld'],
    ['atReevaluation: held on an event', 'diamond', 'silver', 'event', 'atReevaluation', 400, 'diamond', 'downgradeHeld'],
    ['atReevaluation: applied at re-evaluation', 'diamond', 'silver', 'reevaluation', 'atReevaluation', 1, 'silver', 'downgrade'],
    ['grace: held inside the period', 'silver', 'iron', 'reevaluation', 'gracePeriod', 29, 'silver', 'downgradeHeld'],
    ['grace: applied after it, even on an event', 'silver', 'iron', 'event', 'gracePeriod', 30, 'iron', 'downgrade'],
  ] as const)('%s', (_name, current, computed, trigger, downgrade, belowDays, tier, reason) => {
    const decision = nextTier({ current, computed, belowSince: since(belowDays), trigger, now }, { downgrade, graceDays: 30 })
    expect({ tier: decision.tier, reason: decision.reason }).toEqual({ tier, reason })
    expect(decision.belowSince).toBe(reason === 'downgradeHeld' ? since(belowDays) : null)
  })

  it('starts the grace period when the customer first falls below their tier, whatever the tier\'s age', () => {
    const first = nextTier({ current: 'diamond', computed: 'bronze', belowSince: null, trigger: 'reevaluation', now }, { downgrade: 'gracePeriod', graceDays: 30 })
    expect(first).toEqual({ tier: 'diamond', reason: 'downgradeHeld', belowSince: now.toISOString() })
    const back = nextTier({ current: 'diamond', computed: 'diamond', belowSince: since(10), trigger: 'event', now }, { downgrade: 'gracePeriod', graceDays: 30 })
    expect(back.belowSince).toBeNull()
  })
})

/**
 * @module
 * Compares two sets of answers, NPS by the NPS difference test and the CSAT and CES top-2-boxes
 * by the two-proportion z-test: this range against the previous range of equal length, or two
 * groups of a segmentation over the same range.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { DateTime } from 'luxon'
import { type AnalyticsScope, analyticsScope } from './analytics-scope.js'
import type { SegmentOptions } from './nps-segments.js'
import { type GroupEstimates, noAnswers, scoreBreakdown } from './score-breakdown.js'
import { type DifferenceTest, npsDifferenceTest, twoProportionTest } from './significance.js'

/** One side of a comparison: its range and its estimates. */
export type ComparedSide = Omit<GroupEstimates, 'counts'> & { from: string; to: string }

/** Side `a` against side `b`, each metric tested on `a − b`. */
export type ScoreComparison = { a: ComparedSide; b: ComparedSide; tests: { nps: DifferenceTest; csat: DifferenceTest; ces: DifferenceTest } }

/**
 * The range of equal length ending the day before `scope` starts.
 * @example previousRange({ firstDay: '2026-03-01', lastDay: '2026-03-31', … }) // { from: '2026-01-29', to: '2026-02-28' }
 */
export function previousRange(scope: AnalyticsScope): { from: string; to: string } {
  const first = DateTime.fromISO(scope.firstDay, { zone: 'UTC' })
  const days = DateTime.fromISO(scope.lastDay, { zone: 'UTC' }).diff(first, 'days').days + 1
  return { from: first.minus({ days }).toISODate()!, to: first.minus({ days: 1 }).toISODate()! }
}

/** @example await comparePeriods(ctx.db, scope, new Date()) // this range (a) against the previous one (b) */
export async function comparePeriods(q: Queryable, scope: AnalyticsScope, now: Date): Promise<ScoreComparison> {
  const prior = analyticsScope({ ...scope, ...previousRange(scope) }, now)
  const [a] = await scoreBreakdown(q, scope, { by: 'all' })
  const [b] = await scoreBreakdown(q, prior, { by: 'all' })
  return compare(side(a!, scope), side(b!, prior))
}

/** @example await compareGroups(ctx.db, scope, { by: 'field', field: 'tiering.tier' }, 'diamond', 'iron') */
export async function compareGroups(q: Queryable, scope: AnalyticsScope, by: SegmentOptions, a: string, b: string): Promise<ScoreComparison> {
  const groups = await scoreBreakdown(q, scope, by)
  const find = (key: string) => groups.find((g) => g.key === key) ?? noAnswers(key)
  return compare(side(find(a), scope), side(find(b), scope))
}

const side = (g: GroupEstimates, scope: AnalyticsScope): ComparedSide & { counts: GroupEstimates['counts'] } =>
  ({ ...g, from: scope.firstDay, to: scope.lastDay })

function compare(a: ReturnType<typeof side>, b: ReturnType<typeof side>): ScoreComparison {
  const { counts: ca, ...sideA } = a
  const { counts: cb, ...sideB } = b
  return {
    a: sideA, b: sideB,
    tests: { nps: npsDifferenceTest(ca.nps, cb.nps), csat: twoProportionTest(ca.csat, cb.csat), ces: twoProportionTest(ca.ces, cb.ces) },
  }
}

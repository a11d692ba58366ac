/**
 * @module
 * What an order is scored against: the cut points of its business day (see `day-cut-points.ts`),
 * or, while the customers who ordered before that day are fewer than `minCutPointPopulation`,
 * the customer's live standing among everyone's stored values (a read: cheap, because a
 * population that small is new and lasts a day at most). No order writes anything shared
 * beyond a day's first insert of its cut points.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { CutPoints } from '../store/cut-points.js'
import { liveStanding, type LiveStanding, type Values } from '../store/live-standing.js'
import { dayCutPoints } from './day-cut-points.js'
import type { TieringContext } from './types.js'

/**
 * @returns the cut points to score with, or the customer's live standing while the population is too small for cut points
 * @example const scoring = await currentCutPoints(ctx, tx, values, at, () => storeTotals(tx, customerId, totals))
 */
export async function currentCutPoints(ctx: TieringContext, tx: Queryable, values: Values, asOf: Date, beforePopulation: () => Promise<unknown>): Promise<{ cuts: CutPoints } | { live: LiveStanding }> {
  const cuts = await dayCutPoints(ctx, tx, asOf)
  if (cuts.population >= ctx.config.minCutPointPopulation) return { cuts }
  // The customer counts in the population they are ranked in.
  await beforePopulation()
  return { live: await liveStanding(tx, values) }
}

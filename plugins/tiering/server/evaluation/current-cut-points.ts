/**
 * @module
 * The cut points an order is scored against, without per-population work on the order's path:
 * each process keeps the last ones it read with their version, and per order reads only that
 * version (one key). They are refreshed by the full re-evaluation (nightly job), and on demand
 * when none are stored, or when the ones stored came from a population too small to trust and
 * the population has since grown past `minCutPointPopulation`. Below that size an order is
 * ranked against everyone's stored values, which is cheap because there are few.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { computeCutPoints } from '../jobs/compute-cut-points.js'
import { evaluatePopulation } from '../jobs/population-statements.js'
import { cutPointsVersion, loadCutPoints, saveCutPoints, type CutPoints } from '../store/cut-points.js'
import { liveStanding, type LiveStanding, type Values } from '../store/live-standing.js'
import type { TieringContext } from './types.js'

type Cached = { version: string; cuts: CutPoints }
const cache = new WeakMap<object, Cached>()

/** Scores the population now, as the full re-evaluation does, and stores the cut points it gives. @example await refreshCutPoints(ctx, tx, at) */
export async function refreshCutPoints(ctx: TieringContext, tx: Queryable, asOf: Date): Promise<CutPoints> {
  await evaluatePopulation(tx, ctx.config, asOf, ctx.timeZone)
  const cuts = await computeCutPoints(tx, asOf.toISOString())
  await saveCutPoints(tx, cuts)
  return cuts
}

/** The stored cut points, from this process's cache while their version holds. */
async function storedCutPoints(ctx: TieringContext, tx: Queryable): Promise<CutPoints | undefined> {
  const version = await cutPointsVersion(tx)
  if (version === undefined) return undefined
  const cached = cache.get(ctx)
  if (cached?.version === version) return cached.cuts
  const cuts = await loadCutPoints(tx)
  if (cuts) cache.set(ctx, { version, cuts })
  return cuts
}

/**
 * @returns the cut points to score with, or the customer's live standing while the population is too small for cut points
 * @example const scoring = await currentCutPoints(ctx, tx, values, at, () => storeTotals(tx, customerId, totals))
 */
export async function currentCutPoints(ctx: TieringContext, tx: Queryable, values: Values, asOf: Date, beforePopulation: () => Promise<unknown>): Promise<{ cuts: CutPoints } | { live: LiveStanding }> {
  const min = ctx.config.minCutPointPopulation
  let cuts = await storedCutPoints(ctx, tx)
  if (cuts && cuts.population >= min) return { cuts }
  await beforePopulation()
  cuts ??= await refreshCutPoints(ctx, tx, asOf)
  if (cuts.population < min) {
    const live = await liveStanding(tx, values)
    if (live.recency.n < min) return { live }
    cuts = await refreshCutPoints(ctx, tx, asOf)
  }
  return { cuts }
}

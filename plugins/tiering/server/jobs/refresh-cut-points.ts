/**
 * @module
 * The job `tiering:refresh-cut-points` (every ten minutes): stores cut points once the population
 * can be trusted with them. Until then orders rank each customer against everyone's stored values,
 * which costs each order a read of the whole population: fine for a young shop, not for one that
 * imported thousands of customers at once. So while the stored cut points are missing or come from
 * fewer than `minCutPointPopulation` customers, and the population has reached that size, this
 * computes them as of the job's time (its slot, also when an import replays it). Otherwise it does
 * nothing, and tells a replay it has no work until an event comes: only orders grow the population,
 * and only the full re-evaluation of a too-small population stores untrusted cut points.
 */
import type { JobNextWork, JobRun } from '@rapport/plugin-sdk'
import { refreshCutPoints, storedCutPoints, trusted } from '../evaluation/current-cut-points.js'
import type { TieringContext } from '../evaluation/types.js'

export const REFRESH_CUT_POINTS_CRON = '*/10 * * * *'

const POPULATION = 'SELECT COUNT(*) AS n FROM tiering_customers WHERE last_order_day IS NOT NULL'

/** @example ctx.schedule('refresh-cut-points', REFRESH_CUT_POINTS_CRON, refreshCutPointsJob(ctx)) */
export const refreshCutPointsJob = (ctx: TieringContext) => async function refreshCutPointsRun(_run: JobRun): Promise<JobNextWork> {
  if (trusted(ctx, await storedCutPoints(ctx, ctx.db))) return { nextWorkAt: null }
  await ctx.db.tx(async (tx) => {
    const population = Number((await tx.get<{ n: number | string }>(POPULATION))?.n ?? 0)
    // Checked again in the transaction: another process may have stored them meanwhile.
    if (population >= ctx.config.minCutPointPopulation && !trusted(ctx, await storedCutPoints(ctx, tx))) await refreshCutPoints(ctx, tx, ctx.now())
  })
  return { nextWorkAt: null }
}

/**
 * @module
 * The cut points an order is scored against. They are a value of the whole population, so no
 * order computes or writes them: an order only reads them (each process keeps the last ones it
 * read with their version, and per order reads only that version, one key), and while none are
 * stored, or the ones stored came from fewer than `minCutPointPopulation` customers, it ranks
 * its customer against everyone's stored values instead (a read, cheap while the population is
 * young). They are written by jobs, as of the job's time: the full re-evaluation (nightly) and
 * `refresh-cut-points` (every ten minutes, work only while they are missing or untrusted and the
 * population has reached that size). On PostgreSQL an order that wrote them held their rows
 * until it committed, and every other order of a young population queued behind it.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { computeCutPoints } from '../jobs/compute-cut-points.js'
import { evaluatePopulation } from '../jobs/population-statements.js'
import { cutPointsVersion, loadCutPoints, saveCutPoints, type CutPoints } from '../store/cut-points.js'
import { liveStanding, type LiveStanding, type Values } from '../store/live-standing.js'
import type { TieringContext } from './types.js'

type Cached = { version: string; cuts: CutPoints }
const cache = new WeakMap<object, Cached>()

/** Scores the population as of `asOf`, as the full re-evaluation does, and stores the cut points it gives. For jobs only. @example await refreshCutPoints(ctx, tx, at) */
export async function refreshCutPoints(ctx: TieringContext, tx: Queryable, asOf: Date): Promise<CutPoints> {
  await evaluatePopulation(tx, ctx.config, asOf, ctx.timeZone)
  const cuts = await computeCutPoints(tx, asOf.toISOString())
  await saveCutPoints(tx, cuts)
  return cuts
}

/** The stored cut points, from this process's cache while their version holds. @example const cuts = await storedCutPoints(ctx, ctx.db) */
export async function storedCutPoints(ctx: TieringContext, q: Queryable): Promise<CutPoints | undefined> {
  const version = await cutPointsVersion(q)
  if (version === undefined) return undefined
  const cached = cache.get(ctx)
  if (cached?.version === version) return cached.cuts
  const cuts = await loadCutPoints(q)
  if (cuts) cache.set(ctx, { version, cuts })
  return cuts
}

/** Whether cut points come from a population large enough to score with. @example if (!trusted(ctx, cuts)) ... */
export const trusted = (ctx: TieringContext, cuts: CutPoints | undefined): cuts is CutPoints => cuts !== undefined && cuts.population >= ctx.config.minCutPointPopulation

/**
 * @param beforePopulation - stores the customer's own values first, so they count in the population they are ranked against
 * @returns the cut points to score with, or the customer's live standing while there are none to trust
 * @example const scoring = await currentCutPoints(ctx, tx, values, () => storeTotals(tx, customerId, totals))
 */
export async function currentCutPoints(ctx: TieringContext, tx: Queryable, values: Values, beforePopulation: () => Promise<unknown>): Promise<{ cuts: CutPoints } | { live: LiveStanding }> {
  const cuts = await storedCutPoints(ctx, tx)
  if (trusted(ctx, cuts)) return { cuts }
  await beforePopulation()
  return { live: await liveStanding(tx, values) }
}

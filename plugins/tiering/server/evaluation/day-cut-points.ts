/**
 * @module
 * The cut points of a business day: the customers as they stood when the day began (everyone
 * who ordered before it, with their RFM window as of that day), scored by mid-rank quintiles and
 * percentile tiers as the full re-evaluation scores them. They depend only on the orders before
 * the day, so living a history and importing it give the same ones, whatever ran in between; no
 * job decides them. The first evaluation of a day computes and inserts them (read-only SQL plus
 * one insert that never updates), every later one reads them.
 *
 * Only the values before the day count: a row is as its customer's last evaluation left it, and
 * an evaluation of the day itself would have found this day's cut points already stored (it
 * computes them first, in its own transaction). Window totals counted for another window start
 * are counted again (only for customers with orders between the two starts, as the full
 * re-evaluation does). Events that arrive after a later day was scored (late, backdated orders)
 * do not change a day that is stored.
 */
import { dayNumber, dayStart, type Queryable } from '@rapport/plugin-sdk'
import { EARLIER, LATER, quintile, tierExpression } from '../jobs/population-statements.js'
import { COUNTED } from '../store/customer-totals.js'
import { cutPointsBasis, insertDayCutPoints, loadDayCutPoints, type CutPoints } from '../store/cut-points.js'
import { rfmWindow } from '../store/days.js'
import type { TieringContext } from './types.js'

const LEVELS = [2, 3, 4, 5]
const TIERS = ['diamond', 'silver', 'bronze'] as const

/** Rows whose window totals were counted for another window start, with an order between the two. */
const STALE = `c.window_since IS NULL OR (c.window_since <> ? AND EXISTS (SELECT 1 FROM tiering_orders g
  WHERE g.customer_id = c.customer_id AND g.occurred_at >= ${EARLIER} AND g.occurred_at < ${LATER}))`
const WINDOW_ORDERS = `FROM tiering_orders o WHERE o.customer_id = b.customer_id AND o.occurred_at >= ? AND o.occurred_at < ? AND ${COUNTED}`

/** Everyone who ordered before the day, with recency day and window totals as of the day; parameters: see `computeDayCutPoints`. */
const POPULATION = `SELECT lod,
    CASE WHEN stale = 1 THEN (SELECT COUNT(*) ${WINDOW_ORDERS}) ELSE wo END AS wo,
    CASE WHEN stale = 1 THEN (SELECT COALESCE(SUM(o.amount_minor - o.refunded_minor), 0) ${WINDOW_ORDERS}) ELSE ws END AS ws
  FROM (SELECT c.customer_id, c.last_order_day AS lod, c.window_orders AS wo, c.window_spend_minor AS ws, CASE WHEN ${STALE} THEN 1 ELSE 0 END AS stale
        FROM tiering_customers c WHERE c.last_order_day IS NOT NULL AND c.last_order_day < ?) b`

function cutPointsSql(config: TieringContext['config'], params: Array<string | number>): string {
  const percentile = config.tiers.mode === 'percentile'
  const tier = percentile ? tierExpression(config.tiers, params) : 'NULL'
  const metrics = { r: 'lod', f: 'wo', m: 'ws' }
  return `SELECT COUNT(*) AS population, ${[
    ...Object.entries(metrics).flatMap(([score, value]) => LEVELS.map((l) => `MIN(CASE WHEN ${score} >= ${l} THEN ${value} END) AS ${score}${l}`)),
    ...TIERS.map((t) => `MIN(CASE WHEN tier = '${t}' AND ws > 0 THEN ws END) AS t_${t}`),
  ].join(', ')}
  FROM (SELECT lod, wo, ws, r, f, m, ${tier} AS tier
    FROM (SELECT lod, wo, ws, ${quintile('wr')} AS r, ${quintile('wf')} AS f, ${quintile('wm')} AS m,
            RANK() OVER wm AS m_rank, COUNT(*) OVER wm AS m_upto, COUNT(*) OVER () AS n, SUM(CASE WHEN ws > 0 THEN 1 ELSE 0 END) OVER () AS spenders
          FROM (${POPULATION}) p WINDOW wr AS (ORDER BY lod), wf AS (ORDER BY wo), wm AS (ORDER BY ws)) x) y`
}

/** @returns the cut points as of the start of business day `day` @example const cuts = await computeDayCutPoints(tx, ctx.config, day, ctx.timeZone) */
export async function computeDayCutPoints(q: Queryable, config: TieringContext['config'], day: number, timeZone: string): Promise<CutPoints> {
  const start = dayStart(day, timeZone).toISOString()
  const since = rfmWindow(new Date(start), config.windowDays, timeZone).since
  const params: Array<string | number> = []
  const sql = cutPointsSql(config, params)
  // The tier expression's parameters come first in the text, then the population's.
  params.push(since, start, since, start, since, since, since, since, since, day)
  const row = (await q.get<Record<string, number | string | null>>(sql, params)) ?? {}
  const value = (key: string) => (row[key] === null || row[key] === undefined ? null : Number(row[key]))
  return {
    recency: LEVELS.map((l) => value(`r${l}`)),
    frequency: LEVELS.map((l) => value(`f${l}`)),
    monetary: LEVELS.map((l) => value(`m${l}`)),
    tier: { diamond: value('t_diamond'), silver: value('t_silver'), bronze: value('t_bronze') },
    population: Number(row.population ?? 0),
    computedAt: start,
  }
}

/**
 * The cut points of the business day of `at`: stored ones, or computed, inserted and read back
 * (when another transaction inserted them first, theirs are kept and returned).
 * @example const cuts = await dayCutPoints(ctx, tx, new Date(event.occurredAt))
 */
export async function dayCutPoints(ctx: TieringContext, tx: Queryable, at: Date): Promise<CutPoints> {
  const day = dayNumber(at, ctx.timeZone)
  const basis = cutPointsBasis(ctx.config, ctx.timeZone)
  const stored = await loadDayCutPoints(tx, day, basis)
  if (stored) return stored
  await insertDayCutPoints(tx, day, basis, await computeDayCutPoints(tx, ctx.config, day, ctx.timeZone))
  return (await loadDayCutPoints(tx, day, basis))!
}

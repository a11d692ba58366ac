/**
 * @module
 * Reads the new cut points off the freshly scored population, in one aggregate query: for each
 * metric and score 2..5 the lowest value scoring at least that, and each tier's lowest spend.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { CutPoints } from '../store/cut-points.js'

const LEVELS = [2, 3, 4, 5]
const metrics = { r: ['next_recency', 'last_order_day'], f: ['next_frequency', 'window_orders'], m: ['next_monetary', 'window_spend_minor'] } as const
const TIERS = ['diamond', 'silver', 'bronze'] as const

const SQL = `SELECT COUNT(*) AS population, ${[
  ...Object.entries(metrics).flatMap(([key, [score, value]]) => LEVELS.map((l) => `MIN(CASE WHEN ${score} >= ${l} THEN ${value} END) AS ${key}${l}`)),
  ...TIERS.map((t) => `MIN(CASE WHEN next_tier = '${t}' AND window_spend_minor > 0 THEN window_spend_minor END) AS t_${t}`),
].join(', ')} FROM tiering_customers WHERE last_order_day IS NOT NULL`

/** @example const cuts = await computeCutPoints(tx, now.toISOString()) */
export async function computeCutPoints(tx: Queryable, computedAt: string): Promise<CutPoints> {
  const row = (await tx.get<Record<string, number | null>>(SQL)) ?? {}
  const value = (key: string) => (row[key] === null || row[key] === undefined ? null : Number(row[key]))
  return {
    recency: LEVELS.map((l) => value(`r${l}`)),
    frequency: LEVELS.map((l) => value(`f${l}`)),
    monetary: LEVELS.map((l) => value(`m${l}`)),
    tier: { diamond: value('t_diamond'), silver: value('t_silver'), bronze: value('t_bronze') },
    population: Number(row.population ?? 0),
    computedAt,
  }
}

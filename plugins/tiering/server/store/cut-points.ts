/**
 * @module
 * Reads and writes the cut points of a business day (`tiering_day_cut_points`). A day's row is
 * inserted once and never updated: two evaluations that compute it at once both insert with
 * `ON CONFLICT DO NOTHING` and then read the one that was kept.
 */
import { createHash } from 'node:crypto'
import type { Queryable } from '@rapport/plugin-sdk'
import type { TieringConfig } from '../config.js'
import type { TierCuts } from '../scoring/value-tier.js'

/** Cuts per metric: `recency[k]` is the lowest value that scored `k + 2` or more. */
export type CutPoints = {
  recency: (number | null)[]
  frequency: (number | null)[]
  monetary: (number | null)[]
  tier: TierCuts
  population: number
  computedAt: string
}

type DayRow = { cuts: string }

const LOAD = 'SELECT cuts FROM tiering_day_cut_points WHERE day = ? AND basis = ?'
const INSERT = `INSERT INTO tiering_day_cut_points (day, basis, cuts, population, computed_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (day, basis) DO NOTHING`

/** The last text parsed, so the order path parses a day's cut points once per process, not once per order. */
let parsed: { text: string; cuts: CutPoints } | undefined
const parse = (text: string): CutPoints => {
  if (parsed?.text !== text) parsed = { text, cuts: JSON.parse(text) as CutPoints }
  return parsed.cuts
}

/**
 * What a day's cut points depend on besides the orders: the window, the percentiles and the
 * calendar. Named by content, so the same config always finds the same rows.
 * @example const basis = cutPointsBasis(ctx.config, ctx.timeZone)
 */
export function cutPointsBasis(config: TieringConfig, timeZone: string): string {
  const percentiles = config.tiers.mode === 'percentile' ? config.tiers.percentiles : null
  return createHash('sha256').update(JSON.stringify([config.windowDays, percentiles, timeZone])).digest('hex').slice(0, 16)
}

/** @returns undefined while no evaluation of that day has needed them @example const cuts = await loadDayCutPoints(tx, day, basis) */
export async function loadDayCutPoints(q: Queryable, day: number, basis: string): Promise<CutPoints | undefined> {
  const row = await q.get<DayRow>(LOAD, [day, basis])
  return row ? parse(row.cuts) : undefined
}

/** Inserts a day's cut points unless that day already has them. @example await insertDayCutPoints(tx, day, basis, cuts) */
export async function insertDayCutPoints(q: Queryable, day: number, basis: string, cuts: CutPoints): Promise<void> {
  await q.run(INSERT, [day, basis, JSON.stringify(cuts), cuts.population, cuts.computedAt])
}

/**
 * @module
 * Reads and replaces the cut points of the last full re-evaluation.
 */
import { createHash } from 'node:crypto'
import type { Queryable } from '@rapport/plugin-sdk'
import type { TierCuts } from '../scoring/value-tier.js'
import { rememberedVersion, rememberVersion } from './row-memo.js'

/** Cuts per metric: `recency[k]` is the lowest value that scored `k + 2` or more. */
export type CutPoints = {
  recency: (number | null)[]
  frequency: (number | null)[]
  monetary: (number | null)[]
  tier: TierCuts
  population: number
  computedAt: string
}

export const RFM_METRICS = ['recency', 'frequency', 'monetary'] as const
const LEVELS = ['2', '3', '4', '5'] as const

type CutRow = { metric: string; level: string; min_value: number | null; population: number; computed_at: string }

/** @returns undefined before the first full re-evaluation @example const cuts = await loadCutPoints(tx) */
export async function loadCutPoints(q: Queryable): Promise<CutPoints | undefined> {
  const rows = await q.all<CutRow>('SELECT metric, level, min_value, population, computed_at FROM tiering_cut_points')
  if (rows.length === 0) return undefined
  const value = (metric: string, level: string) => {
    const v = rows.find((r) => r.metric === metric && r.level === level)?.min_value
    return v === undefined || v === null ? null : Number(v)
  }
  const [first] = rows
  return {
    recency: LEVELS.map((l) => value('recency', l)),
    frequency: LEVELS.map((l) => value('frequency', l)),
    monetary: LEVELS.map((l) => value('monetary', l)),
    tier: { diamond: value('tier', 'diamond'), silver: value('tier', 'silver'), bronze: value('tier', 'bronze') },
    population: Number(first!.population),
    computedAt: first!.computed_at,
  }
}

const UPSERT = `INSERT INTO tiering_cut_points (metric, level, min_value, population, computed_at) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (metric, level) DO UPDATE SET min_value = excluded.min_value, population = excluded.population, computed_at = excluded.computed_at`
const SET_VERSION = `INSERT INTO tiering_state (key, value) VALUES ('cutPointsVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`
const VERSION = `SELECT value FROM tiering_state WHERE key = 'cutPointsVersion'`

/**
 * Replaces every cut point and gives them a version named by their content, which tells every process that its cached copy is stale.
 * Upserts, so two processes refreshing at once never collide on the key.
 * @example await saveCutPoints(tx, cuts)
 */
export async function saveCutPoints(q: Queryable, cuts: CutPoints): Promise<void> {
  for (const metric of RFM_METRICS) {
    for (const [i, level] of LEVELS.entries()) await q.run(UPSERT, [metric, level, cuts[metric][i] ?? null, cuts.population, cuts.computedAt])
  }
  for (const tier of ['diamond', 'silver', 'bronze'] as const) await q.run(UPSERT, ['tier', tier, cuts.tier[tier] ?? null, cuts.population, cuts.computedAt])
  // Named by content, not at random: the same cut points give the same version, so a history
  // lived and the same history imported end in the same state; different ones always differ.
  const version = createHash('sha256').update(JSON.stringify(cuts)).digest('hex').slice(0, 32)
  await q.run(SET_VERSION, [version])
  rememberVersion(q, version)
}

/** The version of the stored cut points; undefined when none are stored. @example const v = await cutPointsVersion(tx) */
export async function cutPointsVersion(q: Queryable): Promise<string | undefined> {
  return rememberedVersion(q, async () => (await q.get<{ value: string }>(VERSION))?.value)
}

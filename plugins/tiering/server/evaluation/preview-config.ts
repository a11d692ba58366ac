/**
 * @module
 * What a config change would do before it is saved: inside one transaction that is always rolled
 * back, the set-based statements of the full re-evaluation run with the current config (their
 * results taken as the applied values), then with the candidate, and the customers whose tier,
 * segment or recency status differ are counted per move. Tiers are compared as the customers'
 * values earn them (before the downgrade policy, which the result reports separately). Ladder
 * moves are counted from each customer's profile when the ladder criteria change.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { TieringConfig } from '../config.js'
import { evaluatePopulation } from '../jobs/population-statements.js'
import { ladderStep } from '../scoring/ladder-step.js'
import { forgetRows } from '../store/row-memo.js'
import { TIERS } from '../../shared/vocabulary.js'
import type { TieringContext } from './types.js'

/** Customers whose ladder step is recomputed for a preview, at most. */
export const LADDER_PREVIEW_LIMIT = 20_000

/** Customers moving `from` → `to`; `examples` names a few of them (at most `EXAMPLES_PER_MOVE`). */
type Move = { from: string | null; to: string | null; count: number; examples: string[] }

/** Example customers named per move, at most. */
export const EXAMPLES_PER_MOVE = 3
export type ConfigPreview = {
  customers: number
  tiers: { moved: number; upgrades: number; downgrades: number; downgradePolicy: TieringConfig['tiers']['downgrade']; moves: Move[] }
  segments: { moved: number; moves: Move[] }
  recencyStatuses: { moved: number; moves: Move[] }
  ladder: { changed: boolean; checked: number; sampled: boolean; moved: number; moves: Move[] }
}

class Rollback extends Error {
  constructor(readonly preview: ConfigPreview) { super('preview rollback') }
}

const APPLY_COMPUTED = `UPDATE tiering_customers SET recency = next_recency, frequency = next_frequency, monetary = next_monetary,
  segment = next_segment, recency_status = next_recency_status, tier = next_tier WHERE last_order_day IS NOT NULL`

async function moves(tx: Queryable, applied: string, next: string): Promise<Move[]> {
  // The first and last customer id of each move are its examples: two aggregates, no second pass.
  const rows = await tx.all<{ f: string | null; t: string | null; n: number; first: string; last: string }>(
    `SELECT ${applied} AS f, ${next} AS t, COUNT(*) AS n, MIN(customer_id) AS first, MAX(customer_id) AS last
     FROM tiering_customers WHERE last_order_day IS NOT NULL AND ${next} IS DISTINCT FROM ${applied} GROUP BY ${applied}, ${next}`)
  return rows.map((r) => ({ from: r.f, to: r.t, count: Number(r.n), examples: [...new Set([r.first, r.last])] })).sort((a, b) => b.count - a.count)
}
const total = (m: Move[]) => m.reduce((a, x) => a + x.count, 0)

async function ladderMoves(ctx: TieringContext, tx: Queryable, candidate: TieringConfig): Promise<ConfigPreview['ladder']> {
  const changed = JSON.stringify(candidate.ladder) !== JSON.stringify(ctx.config.ladder)
  if (!changed) return { changed, checked: 0, sampled: false, moved: 0, moves: [] }
  const ids = await tx.all<{ customer_id: string }>('SELECT customer_id FROM tiering_customers ORDER BY customer_id LIMIT ?', [LADDER_PREVIEW_LIMIT + 1])
  const counts = new Map<string, Move>()
  for (const { customer_id } of ids.slice(0, LADDER_PREVIEW_LIMIT)) {
    const profile = await ctx.readProfile(customer_id, tx)
    const from = ladderStep(profile, ctx.config.ladder).step
    const to = ladderStep(profile, candidate.ladder).step
    if (from === to) continue
    const key = `${from}>${to}`
    const move = counts.get(key) ?? { from, to, count: 0, examples: [] }
    move.count += 1
    if (move.examples.length < EXAMPLES_PER_MOVE) move.examples.push(customer_id)
    counts.set(key, move)
  }
  const list = [...counts.values()].sort((a, b) => b.count - a.count)
  return { changed, checked: Math.min(ids.length, LADDER_PREVIEW_LIMIT), sampled: ids.length > LADDER_PREVIEW_LIMIT, moved: total(list), moves: list }
}

/** @example const preview = await previewConfig(ctx, candidateConfig) */
export async function previewConfig(ctx: TieringContext, candidate: TieringConfig): Promise<ConfigPreview> {
  const now = ctx.now()
  try {
    await ctx.db.tx(async (tx) => {
      await evaluatePopulation(tx, ctx.config, now, ctx.timeZone)
      forgetRows(tx)
      await tx.run(APPLY_COMPUTED)
      await evaluatePopulation(tx, candidate, now, ctx.timeZone)
      const tierMoves = await moves(tx, 'tier', 'next_tier')
      const rank = (t: string | null) => (t === null ? TIERS.length : TIERS.indexOf(t as (typeof TIERS)[number]))
      const segmentMoves = await moves(tx, 'segment', 'next_segment')
      const statusMoves = await moves(tx, 'recency_status', 'next_recency_status')
      const customers = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM tiering_customers WHERE last_order_day IS NOT NULL')
      throw new Rollback({
        customers: Number(customers?.n ?? 0),
        tiers: {
          moved: total(tierMoves), upgrades: total(tierMoves.filter((m) => rank(m.to) < rank(m.from))), downgrades: total(tierMoves.filter((m) => rank(m.to) > rank(m.from))),
          downgradePolicy: candidate.tiers.downgrade, moves: tierMoves,
        },
        segments: { moved: total(segmentMoves), moves: segmentMoves },
        recencyStatuses: { moved: total(statusMoves), moves: statusMoves },
        ladder: await ladderMoves(ctx, tx, candidate),
      })
    })
  } catch (err) {
    if (err instanceof Rollback) return err.preview
    throw err
  }
  throw new Error('preview transaction ended without its result')
}

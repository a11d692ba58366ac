/**
 * @module
 * Tiering's copy of the customer's `points.balance` and `points.lifetimeEarned`, read from the
 * profile (points-membership's fields, when it is enabled) so that threshold tiers on points can
 * also be computed set-based in the full re-evaluation. No value counts as 0.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { TieringContext } from '../evaluation/types.js'

const STORE = 'UPDATE tiering_customers SET points_balance = ?, points_lifetime = ? WHERE customer_id = ?'
const asPoints = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0)

/** @example const { pointsBalance, pointsLifetime } = await refreshPoints(ctx, tx, customerId) */
export async function refreshPoints(ctx: TieringContext, tx: Queryable, customerId: string): Promise<{ pointsBalance: number; pointsLifetime: number }> {
  const profile = await ctx.readProfile(customerId, tx)
  const points = { pointsBalance: asPoints(profile['points.balance']), pointsLifetime: asPoints(profile['points.lifetimeEarned']) }
  await tx.run(STORE, [points.pointsBalance, points.pointsLifetime, customerId])
  return points
}

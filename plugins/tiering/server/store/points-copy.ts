/**
 * @module
 * Tiering's copy of the customer's `points.balance` and `points.lifetimeEarned`, read from the
 * profile (points-membership's fields, when it is enabled) so that threshold tiers on points can
 * also be computed set-based in the full re-evaluation. No value counts as 0.
 */
import type { ProfileSnapshot, Queryable } from '@rapport/plugin-sdk'
import { rememberWrite } from './row-memo.js'

const STORE = 'UPDATE tiering_customers SET points_balance = ?, points_lifetime = ? WHERE customer_id = ?'

/** A profile value as points. @example asPoints(profile['points.balance']) // 0 when absent */
export const asPoints = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0)

/** The points a profile shows. @example const points = pointsOf(profile) */
export const pointsOf = (profile: ProfileSnapshot) => ({ pointsBalance: asPoints(profile['points.balance']), pointsLifetime: asPoints(profile['points.lifetimeEarned']) })

/** Stores the copy. @example await storePoints(tx, customerId, pointsOf(profile)) */
export async function storePoints(tx: Queryable, customerId: string, points: { pointsBalance: number; pointsLifetime: number }): Promise<void> {
  await tx.run(STORE, [points.pointsBalance, points.pointsLifetime, customerId])
  rememberWrite(tx, customerId, ['points_balance', 'points_lifetime'], [points.pointsBalance, points.pointsLifetime])
}

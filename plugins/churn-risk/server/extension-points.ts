/**
 * @module
 * The extension point churn-risk uses: `points.credit`, owned by points-membership, typed by its
 * contract (never copied). `ctx.use('points.credit')` is undefined while points-membership is off.
 */
export type { PointsCredit, PointsCreditInput, PointsCreditResult } from '@rapport/plugin-points-membership/contract'

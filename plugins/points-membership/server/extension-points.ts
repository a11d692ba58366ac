/**
 * @module
 * The extension points points-membership offers (`points.credit`, declared with its type in its
 * contract) and uses (`tiering.benefits`, whose type comes from tiering's contract, never copied).
 * `ctx.use('tiering.benefits')` is undefined while tiering is off.
 */
export type { PointsCredit, PointsCreditInput, PointsCreditResult } from '../contract.js'
export type { TierBenefits } from '@rapport/plugin-tiering/contract'

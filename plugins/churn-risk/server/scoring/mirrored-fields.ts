/**
 * @module
 * The score's fields as mirrored to the profile (`churnRisk.*`), at the precision people read
 * them. The live path (`rescoreCustomer`) and a rebuild (`recomputeProfile`) both mirror through
 * here, so a rebuilt profile holds the same values as a live one.
 *
 * Every mirrored change is a profile change row and a line in the field's explanation, so a value
 * that drifts in digits nobody reads would write a row per customer per night (issue 19: 85% of
 * an import's change rows). `churn_risk_scores` keeps full precision for the breakdown and the
 * at-risk list; the profile gets:
 * - `pActive` in whole percent (0.01): the at-risk page shows it as `NN%`, and a percent is finer
 *   than anything the score reads from it (the rhythm part moves a point per 1/75 ≈ 1.3%).
 * - `typicalGapDays` to 0.1 day and `revenueAtStakeMinor` in whole minor units: both follow from
 *   the order history only, so they move with an order, never with a silent night.
 * - the score, the band and the points parts as they are: whole numbers, every move is real.
 */
import type { ChurnScore } from '../model/churn-score.js'

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

/** The mirrored values; `pActive` and `typicalGapDays` are null without an order (no rhythm). */
export type MirroredFields = {
  'churnRisk.score': number
  'churnRisk.band': ChurnScore['band']
  'churnRisk.rhythmPoints': number
  'churnRisk.satisfactionPoints': number
  'churnRisk.complaintPoints': number
  'churnRisk.tierDowngradePoints': number
  'churnRisk.pActive': number | null
  'churnRisk.typicalGapDays': number | null
  'churnRisk.revenueAtStakeMinor': number
}

/** @example mirroredFields(churnScore(inputs, at, config, ctx.timeZone))['churnRisk.pActive'] // 0.57 */
export const mirroredFields = (result: ChurnScore): MirroredFields => ({
  'churnRisk.score': result.score, 'churnRisk.band': result.band,
  'churnRisk.rhythmPoints': result.parts.rhythm, 'churnRisk.satisfactionPoints': result.parts.satisfaction,
  'churnRisk.complaintPoints': result.parts.complaints, 'churnRisk.tierDowngradePoints': result.parts.tierDowngrade,
  'churnRisk.pActive': result.rhythm ? round(result.rhythm.pActive, 2) : null,
  'churnRisk.typicalGapDays': result.rhythm ? round(result.rhythm.typicalGapDays, 1) : null,
  'churnRisk.revenueAtStakeMinor': result.revenueAtStakeMinor,
})

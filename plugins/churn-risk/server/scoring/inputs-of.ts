/**
 * @module
 * Reads the score's inputs off one profile snapshot: churn-risk's own history fields and, when
 * those plugins are there, satisfaction-survey's `satisfaction.*` and complaint-tracking's
 * `complaints.open` (read by name only; absent fields simply add nothing).
 */
import type { ProfileSnapshot } from '@rapport/plugin-sdk'
import type { ChurnInputs } from '../model/churn-score.js'
import { responseLevel } from '../rules/satisfaction-peak.js'

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

/**
 * Satisfaction on a 0–10 scale: the last NPS when there is one, else the average CSAT (1–5)
 * stretched to 0–10.
 * @example satisfactionLevel({ 'satisfaction.avgCsat': 3 }) // 5
 */
export const satisfactionLevel = (profile: ProfileSnapshot): number | undefined =>
  responseLevel({ nps: num(profile['satisfaction.lastNps']), csat: num(profile['satisfaction.avgCsat']) })

/** @example const inputs = inputsOf(await ctx.readProfile(customerId, tx)) */
export function inputsOf(profile: ProfileSnapshot): ChurnInputs {
  const satisfaction = satisfactionLevel(profile)
  const peak = num(profile['churnRisk.satisfactionPeak'])
  const firstOrderAt = str(profile['churnRisk.firstOrderAt'])
  const lastOrderAt = str(profile['churnRisk.lastOrderAt'])
  const lastDowngradeAt = str(profile['churnRisk.lastDowngradeAt'])
  const openComplaints = num(profile['complaints.open'])
  return {
    orders: num(profile['churnRisk.orders']) ?? 0,
    spentMinor: num(profile['churnRisk.spentMinor']) ?? 0,
    ...(firstOrderAt ? { firstOrderAt } : {}),
    ...(lastOrderAt ? { lastOrderAt } : {}),
    ...(satisfaction === undefined ? {} : { satisfaction, satisfactionPeak: Math.max(peak ?? satisfaction, satisfaction) }),
    ...(openComplaints === undefined ? {} : { openComplaints }),
    ...(lastDowngradeAt ? { lastDowngradeAt } : {}),
  }
}

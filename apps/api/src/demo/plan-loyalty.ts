/**
 * @module
 * Points spent and customers won back: some members redeem a reward at the counter a few weeks
 * after an order (heavy buyers aim higher), most use their vouchers, a few hand one back; and
 * staff offer churn-risk's win-back points to customers who stopped buying, shortly before some of
 * them return (and to others who never do).
 */
import type { PlanContext } from './demo-plan-context.js'
import type { PlannedStep } from './demo-steps.js'
import { DAY_MS, iso, shanghaiTime } from './demo-time.js'

/** @example const steps = planLoyalty(ctx) */
export function planLoyalty(ctx: PlanContext): PlannedStep[] {
  const { r } = ctx
  const steps: PlannedStep[] = []
  let n = 0
  for (const o of ctx.orders) {
    if (!r.chance(0.035)) continue
    const heavy = (ctx.stories.get(o.customerExternalId)?.appetite ?? 0) > 1.5
    const rewardId = r.weighted(heavy ? [['voucher-50', 40], ['tea-set', 30], ['gift-tote', 15], ['voucher-20', 15]] as const : [['voucher-20', 60], ['gift-tote', 25], ['voucher-50', 15]] as const)
    const at = shanghaiTime(Date.parse(o.occurredAt) + r.int(8, 25) * DAY_MS, r.int(11, 21), r.int(0, 59))
    const ref = `redeem-${++n}`
    steps.push({ kind: 'points.redeem', at: iso(at), ref, customer: o.customerExternalId, rewardId })
    if (r.chance(0.04)) steps.push({ kind: 'points.void-voucher', at: iso(at + r.int(1, 5) * DAY_MS), ref, reason: '客户不需要了 / no longer needed' })
    else if (r.chance(0.78)) steps.push({ kind: 'points.use-voucher', at: iso(at + r.int(2, 40) * DAY_MS), ref })
  }
  for (const story of ctx.stories.values()) {
    if (!story.churnedAt) continue
    if (story.returnedAt) steps.push({ kind: 'churn.win-back', at: iso(shanghaiTime(Date.parse(story.returnedAt) - r.int(5, 20) * DAY_MS, 10, r.int(0, 59))), customer: story.externalId })
    else if (r.chance(0.25)) steps.push({ kind: 'churn.win-back', at: iso(shanghaiTime(Date.parse(story.churnedAt) + r.int(100, 160) * DAY_MS, 10, r.int(0, 59))), customer: story.externalId })
  }
  return steps.filter((s) => Date.parse(s.at) < ctx.end)
}

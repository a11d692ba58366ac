/**
 * @module
 * The ladder's config: per step, conditions that must all hold; a condition is one criterion on
 * a profile field (any plugin's) or `anyOf` several. Defaults follow the issue: 可能 possible on a
 * sign of interest (a member, or a survey answered), 顾客 on the first order, 常客 at 3 orders,
 * 支持者 on repeat orders, 白银 or better, satisfied (CSAT ≥ 4 or NPS ≥ 7) and no open
 * complaint, 拥护者 a supporter who is a promoter (NPS 9–10) or whose referral brought a customer.
 */
import { configText, z } from '@rapport/plugin-sdk'

/** One condition on a profile field; `missing` says whether a field with no value holds (default: it fails). */
export const criterion = z.object({
  field: z.string().regex(/^[a-z][a-zA-Z0-9]{1,19}\.[a-z][a-zA-Z0-9]{0,39}$/, 'A field is <namespace>.<camelCase>'),
  op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'exists']),
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.union([z.number(), z.string()]))]).optional(),
  missing: z.enum(['fails', 'holds']).default('fails'),
})
/** A criterion, or a group of which at least one must hold. */
export const condition = z.union([criterion, z.object({ anyOf: z.array(criterion).min(1) }).strict()])
/** Conditions of a step (all must hold), or null: the step is never reached automatically. */
const step = z.array(condition).nullable()
/** A step's default, written as an admin would (criteria without `missing`). */
const stepDefault = (conditions: z.input<typeof step>) => step.default(step.parse(conditions))

export type LadderCriterion = z.input<typeof criterion>
export type LadderCondition = z.infer<typeof condition>

const repeatSatisfiedSupporter: z.input<typeof condition>[] = [
  { field: 'tiering.orders', op: 'gte', value: 2 },
  { field: 'tiering.tier', op: 'in', value: ['diamond', 'silver'] },
  { anyOf: [{ field: 'satisfaction.avgCsat', op: 'gte', value: 4 }, { field: 'satisfaction.lastNps', op: 'gte', value: 7 }] },
  { field: 'complaints.open', op: 'lte', value: 0, missing: 'holds' },
]

export const ladder = z.object({
  possible: stepDefault([{ anyOf: [{ field: 'points.memberSince', op: 'exists' }, { field: 'satisfaction.responses', op: 'gte', value: 1 }] }]).meta(configText(['Possible (可能)', '可能'])),
  firstTime: stepDefault([{ field: 'tiering.orders', op: 'gte', value: 1 }]).meta(configText(['First-time customer (顾客)', '顾客'])),
  regular: stepDefault([{ field: 'tiering.orders', op: 'gte', value: 3 }]).meta(configText(['Regular (常客)', '常客'])),
  supporter: stepDefault(repeatSatisfiedSupporter).meta(configText(['Supporter (支持者)', '支持者'])),
  // A promoter, or a member whose referral brought a customer (points-membership's points.referrals).
  advocate: stepDefault([...repeatSatisfiedSupporter.slice(0, 2), { anyOf: [{ field: 'satisfaction.lastNps', op: 'gte', value: 9 }, { field: 'points.referrals', op: 'gte', value: 1 }] }, repeatSatisfiedSupporter[3]!]).meta(configText(['Advocate (拥护者)', '拥护者'])),
})

/** Every criterion of a condition list, with its path below the step. */
export function* criteriaOf(conditions: LadderCondition[]): Generator<[path: (string | number)[], criterion: z.infer<typeof criterion>]> {
  for (const [i, c] of conditions.entries()) {
    if ('anyOf' in c) for (const [j, k] of c.anyOf.entries()) yield [[i, 'anyOf', j], k]
    else yield [[i], c]
  }
}

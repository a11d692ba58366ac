/**
 * @module
 * churn-risk's config: the model's prior, the weights of each part, the bands, the period the
 * revenue at stake and the win-back offer are counted over. Validated when enabled or changed.
 */
import { configText, z } from '@rapport/plugin-sdk'

const weight = (max: number) => z.number().int().min(0).max(max)

export const config = z.object({
  model: z.object({
    /** Typical days between orders assumed for a customer with little history (the population prior). */
    priorGapDays: z.number().positive().max(3650).default(30).meta(configText(['Typical days between orders, assumed', '假定的下单间隔（天）'], ['Assumed for a customer with little history of their own.', '用于自身订单历史较少的客户。'])),
    /** How many gaps the prior counts as: a customer's own gaps outweigh it once they have more. */
    priorGapWeight: z.number().positive().max(100).default(2).meta(configText(['Weight of the assumed gap', '假定间隔的权重'], ['How many gaps the assumption counts as: a customer\'s own gaps outweigh it once they have more.', '假定间隔相当于几个实际间隔：客户自身的间隔多于此数后以自身为准。'])),
    /** Beta prior of the chance to drop out after an order (a, b): the mean is a / (a + b). */
    dropoutA: z.number().positive().max(100).default(1).meta(configText(['Dropout prior a', '流失先验 a'], ['The chance to drop out after an order starts at a / (a + b).', '每次下单后流失的初始概率为 a / (a + b)。'])),
    dropoutB: z.number().positive().max(1000).default(4).meta(configText(['Dropout prior b', '流失先验 b'], ['The chance to drop out after an order starts at a / (a + b).', '每次下单后流失的初始概率为 a / (a + b)。'])),
  }).default({ priorGapDays: 30, priorGapWeight: 2, dropoutA: 1, dropoutB: 4 }).meta(configText(['Risk model', '风险模型'], ['What the model assumes before a customer has a history of their own.', '客户尚无自身历史时模型所作的假定。'])),
  /** Points each part may add; the score is their sum, capped at 100. */
  weights: z.object({
    rhythm: weight(100).default(75).meta(configText(['Order rhythm', '下单节奏'], ['For being overdue against the customer\'s own rhythm of orders.', '相对客户自身下单节奏的逾期程度。'])),
    satisfaction: weight(100).default(15).meta(configText(['Falling satisfaction', '满意度下降'])),
    complaints: weight(100).default(15).meta(configText(['Open complaints', '未结投诉'])),
    tierDowngrade: weight(100).default(10).meta(configText(['Tier downgrade', '等级下降'])),
  }).default({ rhythm: 75, satisfaction: 15, complaints: 15, tierDowngrade: 10 }).meta(configText(['Score weights', '评分权重'], ['Most points each part may add; the score is their sum, capped at 100.', '各部分最多可加的分数；风险分为各部分之和，上限 100。'])),
  /** Points per open complaint (up to the complaints weight). */
  pointsPerOpenComplaint: z.number().int().min(0).max(100).default(10).meta(configText(['Points per open complaint', '每个未结投诉的分数'], ['Up to the weight of open complaints.', '不超过未结投诉的权重。'])),
  /** A drop of this much on the 0–10 satisfaction scale gives the full satisfaction weight. */
  fullSatisfactionDrop: z.number().positive().max(10).default(5).meta(configText(['Satisfaction drop for the full weight', '计满权重的满意度降幅'], ['A drop of this much on the 0–10 scale gives the full weight of falling satisfaction.', '在 0–10 分制上下降这么多即计满“满意度下降”的权重。'])),
  /** A tier downgrade counts for this many days. */
  downgradeWindowDays: z.number().int().positive().max(3650).default(90).meta(configText(['Days a tier downgrade counts', '等级下降计入天数'])),
  /** Score from which a customer is medium risk, and from which high risk (`churn.risk.high` on crossing). */
  mediumThreshold: z.number().int().min(1).max(100).default(35).meta(configText(['Medium risk from score', '中风险分数线'], ['Below the high-risk score.', '须低于高风险分数线。'])),
  highThreshold: z.number().int().min(1).max(100).default(60).meta(configText(['High risk from score', '高风险分数线'], ['A customer crossing it is reported as high risk.', '客户越过此分数即报告为高风险。'])),
  /** The period revenue at stake is counted over, and the win-back offer is limited to (one per customer per period). */
  periodDays: z.number().int().positive().max(366).default(90).meta(configText(['Period in days', '统计周期（天）'], ['Revenue at stake is counted over it, and a customer gets at most one win-back offer in it.', '按此周期计算面临流失的收入；每位客户在一个周期内最多获得一次挽回优惠。'])),
  winBack: z.object({
    points: z.number().int().positive().max(1_000_000).default(200).meta(configText(['Points offered', '赠送积分'])),
    /** Offer automatically when a customer crosses into high risk (needs points-membership). */
    auto: z.boolean().default(false).meta(configText(['Offer automatically', '自动发放'], ['When a customer crosses into high risk (needs the points-membership plugin).', '客户进入高风险时自动发放（需要积分会员插件）。'])),
  }).default({ points: 200, auto: false }).meta(configText(['Win-back offer', '挽回优惠'])),
}).refine((c) => c.mediumThreshold < c.highThreshold, { message: 'mediumThreshold must be below highThreshold', path: ['mediumThreshold'] })

export type ChurnConfig = z.infer<typeof config>

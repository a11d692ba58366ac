/**
 * @module
 * The profile fields churn-risk feeds (`churnRisk.*`). The order history, the last tier
 * downgrade and the highest satisfaction come from scoring rules on the event log; the score and its parts mirror
 * `churn_risk_scores` and change through `ctx.updateProfile` (each recorded with its reason, so
 * `GET /api/v1/customers/{id}/explain?field=churnRisk.score` says why).
 */
import { field } from '@rapport/plugin-sdk'
import { BANDS } from './model/churn-score.js'

const points = (en: string, zh: string) => field.integer([`${en} (points)`, `${zh}（分）`])

export const profile = {
  orders: field.integer(['Orders seen', '订单数']),
  spentMinor: field.integer(['Net spend (minor units)', '净消费（分）']),
  currency: field.string(['Currency', '币种']),
  firstOrderAt: field.date(['First order', '首次下单']),
  lastOrderAt: field.date(['Last order', '最近下单']),
  lastDowngradeAt: field.date(['Last tier downgrade', '最近降级时间']),
  score: field.integer(['Churn risk (0–100)', '流失风险（0–100）']),
  band: field.enum(BANDS, ['Churn risk band', '流失风险等级'], {
    valueLabels: { low: ['Low', '低'], medium: ['Medium', '中'], high: ['High', '高'] },
  }),
  pActive: field.number(['Probability still active', '仍活跃概率']),
  typicalGapDays: field.number(['Typical days between orders', '典型下单间隔（天）']),
  rhythmPoints: points('Purchase rhythm', '购买节奏'),
  satisfactionPoints: points('Falling satisfaction', '满意度下降'),
  complaintPoints: points('Open complaints', '未结投诉'),
  tierDowngradePoints: points('Tier downgrade', '等级下降'),
  satisfactionPeak: field.number(['Highest satisfaction given (0–10)', '历史最高满意度（0–10）']),
  revenueAtStakeMinor: field.integer(['Revenue at stake per period (minor units)', '每周期风险收入（分）']),
  scoredAt: field.date(['Scored at', '评分时间']),
}

/**
 * @module
 * The profile fields tiering feeds (`tiering.*`), mirrored from `tiering_customers`.
 */
import { field } from '@rapport/plugin-sdk'
import { LADDER, RECENCY_STATUSES, SEGMENTS, TIERS } from '../shared/vocabulary.js'

const score = (en: string, zh: string) => field.integer([`${en} score (1–5)`, `${zh}评分（1–5）`])

export const profile = {
  tier: field.enum(TIERS, ['Value tier', '价值等级'], {
    valueLabels: { diamond: ['Diamond', '金钻'], silver: ['Silver', '白银'], bronze: ['Bronze', '铜'], iron: ['Iron', '铁'] },
  }),
  orders: field.integer(['Orders (lifetime)', '累计订单数']),
  rfmCode: field.string(['RFM code', 'RFM 代码']),
  recency: score('Recency', '最近购买'),
  frequency: score('Frequency', '购买频率'),
  monetary: score('Monetary', '消费金额'),
  segment: field.enum(SEGMENTS, ['RFM segment', 'RFM 分群'], {
    valueLabels: {
      champions: ['Champions', '冠军客户'], loyal: ['Loyal', '忠诚客户'], potentialLoyalist: ['Potential loyalist', '潜在忠诚客户'],
      new: ['New', '新客户'], promising: ['Promising', '有潜力客户'], needAttention: ['Need attention', '需要关注'],
      aboutToSleep: ['About to sleep', '即将沉睡'], atRisk: ['At risk', '有流失风险'], cantLose: ["Can't lose", '不能失去'],
      hibernating: ['Hibernating', '休眠客户'], lost: ['Lost', '已流失'],
    },
  }),
  recencyStatus: field.enum(RECENCY_STATUSES, ['Recency status', '活跃状态'], {
    valueLabels: { active: ['Active', '活跃'], atRisk: ['At risk', '有流失风险'], hibernating: ['Hibernating', '休眠'] },
  }),
  ladder: field.enum(LADDER, ['Customer ladder', '客户阶梯'], {
    valueLabels: {
      prospect: ['Prospect', '潜在客户'], possible: ['Possible', '可能客户'], firstTime: ['First-time customer', '顾客'],
      regular: ['Regular', '常客'], supporter: ['Supporter', '支持者'], advocate: ['Advocate', '拥护者'],
    },
  }),
}

/**
 * @module
 * The texts of tiering's admin pages in every admin language (namespace `tiering`).
 */
export const en = {
  nav: { overview: 'Tiers and ladder' },
  overview: {
    title: 'Tiers and ladder',
    intro: 'Value tiers by RFM value, segments, recency status and the customer upgrade ladder, as evaluated now.',
    customers: 'Customers evaluated',
    tiers: 'Value tiers',
    tiersChart: 'Customers per value tier',
    segments: 'RFM segments',
    segmentsChart: 'Customers per RFM segment',
    recency: 'Recency status',
    recencyChart: 'Customers per recency status',
    funnel: 'Customer ladder',
    funnelChart: 'Customer ladder funnel',
    step: 'Step',
    onStep: 'On this step',
    reached: 'Reached at least this step',
    conversion: 'From the step before',
    customersCount: '{{count}} customers',
  },
  widget: { tiersChart: 'Customers per value tier', upgrades: 'Upgrades in the period', downgrades: 'Downgrades in the period' },
  segment: {
    champions: 'Champions', loyal: 'Loyal', potentialLoyalist: 'Potential loyalist', new: 'New', promising: 'Promising',
    needAttention: 'Need attention', aboutToSleep: 'About to sleep', atRisk: 'At risk', cantLose: "Can't lose", hibernating: 'Hibernating', lost: 'Lost',
  },
  recency: { active: 'Active', atRisk: 'At risk', hibernating: 'Hibernating' },
  ladder: { prospect: 'Prospect', possible: 'Possible', firstTime: 'First-time', regular: 'Regular', supporter: 'Supporter', advocate: 'Advocate' },
}

export const zhCN: typeof en = {
  nav: { overview: '等级与阶梯' },
  overview: {
    title: '等级与阶梯',
    intro: '按 RFM 价值划分的客户等级、细分、活跃状态与客户升级阶梯（当前评估结果）。',
    customers: '已评估客户',
    tiers: '价值等级',
    tiersChart: '各价值等级客户数',
    segments: 'RFM 细分',
    segmentsChart: '各 RFM 细分客户数',
    recency: '活跃状态',
    recencyChart: '各活跃状态客户数',
    funnel: '客户升级阶梯',
    funnelChart: '客户升级阶梯漏斗',
    step: '阶梯',
    onStep: '当前在此阶',
    reached: '至少达到此阶',
    conversion: '较上一阶转化',
    customersCount: '{{count}} 位客户',
  },
  widget: { tiersChart: '各价值等级客户数', upgrades: '期间升级', downgrades: '期间降级' },
  segment: {
    champions: '重要价值客户', loyal: '忠诚客户', potentialLoyalist: '潜在忠诚客户', new: '新客户', promising: '有潜力客户',
    needAttention: '需要关注', aboutToSleep: '即将沉睡', atRisk: '有流失风险', cantLose: '不能失去', hibernating: '休眠客户', lost: '已流失',
  },
  recency: { active: '活跃', atRisk: '有风险', hibernating: '休眠' },
  ladder: { prospect: '潜在', possible: '可能', firstTime: '顾客', regular: '常客', supporter: '支持者', advocate: '拥护者' },
}

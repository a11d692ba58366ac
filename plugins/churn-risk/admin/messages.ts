/**
 * @module
 * The texts of churn-risk's admin pages in every admin language (namespace `churn-risk`).
 */
export const en = {
  nav: { atRisk: 'Churn risk' },
  list: {
    title: 'Customers at risk of churning',
    intro: 'Scored from purchase rhythm, falling satisfaction, open complaints and tier downgrades. Re-scored nightly and on every order.',
    band: 'Band', customer: 'Customer', score: 'Risk', reasons: 'Reasons', lastOrder: 'Last order', typicalGap: 'Typical gap',
    pActive: 'Still active', revenueAtStake: 'Revenue at stake / period', actions: 'Actions', days: '{{count}} days',
    winBack: 'Offer win-back points', offered: 'Offered {{points}} points', alreadyOffered: 'Already offered this period', unavailable: 'Not offered: {{reason}}',
  },
  bands: { atRisk: 'Medium and high', all: 'All', low: 'Low', medium: 'Medium', high: 'High' },
  reasons: { rhythm: 'Silent past their rhythm', satisfaction: 'Falling satisfaction', complaints: 'Open complaints', tierDowngrade: 'Tier downgrade' },
  widget: { bandsChart: 'Customers per churn-risk band', revenueAtStake: 'Revenue at stake per period (medium and high)', none: 'None' },
}

export const zhCN: typeof en = {
  nav: { atRisk: '流失风险' },
  list: {
    title: '有流失风险的客户',
    intro: '依据购买节奏、满意度下降、未结投诉与等级下降评分；每晚及每笔订单后重新评分。',
    band: '风险等级', customer: '客户', score: '风险', reasons: '原因', lastOrder: '最近下单', typicalGap: '典型间隔',
    pActive: '仍活跃概率', revenueAtStake: '每周期风险收入', actions: '操作', days: '{{count}} 天',
    winBack: '发放挽回积分', offered: '已发放 {{points}} 积分', alreadyOffered: '本周期已发放', unavailable: '未发放：{{reason}}',
  },
  bands: { atRisk: '中与高', all: '全部', low: '低', medium: '中', high: '高' },
  reasons: { rhythm: '超出购买节奏未下单', satisfaction: '满意度下降', complaints: '有未结投诉', tierDowngrade: '等级下降' },
  widget: { bandsChart: '各流失风险等级客户数', revenueAtStake: '每周期风险收入（中、高风险）', none: '无' },
}

/**
 * @module
 * Texts of the segment table, tier names and benefits forms (namespace key `segmentsForm`).
 */
const en = {
  segments: 'Segments by R, F and M scores', segmentsIntro: 'Score ranges (1–5) of each segment, tried in order: the first rule that holds sets the segment.',
  segment: 'Segment', r: 'Recency (R)', f: 'Frequency (F)', m: 'Spend (M)', from: 'from', to: 'to', up: 'Move up', down: 'Move down', remove: 'Remove rule', add: 'Add a rule',
  fallback: 'Segment when no rule matches',
  namesBenefits: 'Tier names and benefits', tier: 'Tier', nameEn: 'Name (English)', nameZh: 'Name (Chinese)', multiplier: 'Points multiplier',
  slaPriority: 'Complaint priority', exclusiveRewards: 'Rewards only this tier may redeem', rewardsPlaceholder: 'None',
  priority: { normal: 'Normal', high: 'High', urgent: 'Urgent' },
  advanced: 'Advanced: JSON (read-only)', advancedIntro: 'The configuration as the form would save it. Change it with the form above.',
}

export type SegmentsFormMessages = typeof en

const zhCN: SegmentsFormMessages = {
  segments: '按 R、F、M 评分分群', segmentsIntro: '各分群的评分区间（1–5），按顺序匹配，第一个符合的规则决定分群。',
  segment: '分群', r: '最近购买 (R)', f: '购买频率 (F)', m: '消费金额 (M)', from: '从', to: '到', up: '上移', down: '下移', remove: '删除规则', add: '添加规则',
  fallback: '无匹配时的分群',
  namesBenefits: '等级名称与权益', tier: '等级', nameEn: '名称（英文）', nameZh: '名称（中文）', multiplier: '积分倍数',
  slaPriority: '投诉优先级', exclusiveRewards: '仅此等级可兑换的奖品', rewardsPlaceholder: '无',
  priority: { normal: '普通', high: '高', urgent: '紧急' },
  advanced: '高级：JSON（只读）', advancedIntro: '表单将保存的配置。请通过上方表单修改。',
}

export const segmentsFormMessages = { en, 'zh-CN': zhCN }

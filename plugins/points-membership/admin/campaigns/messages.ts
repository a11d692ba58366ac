/**
 * @module
 * The texts of the campaign pages (namespace `points-membership`, under `campaigns`), in every admin language.
 */
const en = {
  nav: 'Campaigns',
  title: 'Campaigns',
  intro: 'Double points, bonuses for a segment, a channel or a category, a welcome for first orders: each campaign applies to the orders placed between its dates, within its budget.',
  add: 'New campaign', edit: 'Edit', list: 'List', calendar: 'Calendar', empty: 'No campaigns yet.', previousMonth: 'Previous month', nextMonth: 'Next month',
  name: 'Name', kind: 'Kind', reward: 'Reward', window: 'Dates', budget: 'Budget', issued: 'Points issued', state: 'State', actions: 'Actions',
  kinds: { multiplier: 'Points multiplier', bonus: 'Fixed bonus' },
  multiplierValue: '× {{value}}', bonusValue: '+{{value}} pts', noBudget: 'No limit', issuedOfBudget: '{{issued}} of {{budget}}',
  states: { scheduled: 'Scheduled', running: 'Running', ended: 'Ended', paused: 'Paused', exhausted: 'Budget spent' },
  form: {
    addTitle: 'New campaign', editTitle: 'Edit {{name}}', save: 'Save campaign', cancel: 'Cancel', saved: 'Campaign saved.',
    name: 'Campaign name', kind: 'Kind of reward', multiplier: 'Multiplier', multiplierHelp: 'The points an order earns are multiplied: 2 doubles them.',
    bonusPoints: 'Bonus points', bonusPointsHelp: 'Added once for each order that qualifies.',
    dates: 'Campaign dates', datesHelp: 'Orders placed on these days (the business’s calendar) qualify, also when they are imported later.',
    conditions: 'Who qualifies', conditionsHelp: 'Leave a condition empty to not limit by it; every condition filled in must hold.',
    segment: 'Customer segment', tiers: 'Value tiers', anyTier: 'Any tier', channels: 'Order channels', anyChannel: 'Any channel',
    categories: 'Product categories', categoriesHelp: 'Type a category and press Enter. A multiplier applies to those items only.', anyCategory: 'Any category',
    firstOrder: 'First order only', budget: 'Budget (points)', budgetHelp: 'Points issued stop at the budget: the order that reaches it gets what is left, later orders nothing.',
    active: 'Active',
  },
  tierNames: { diamond: 'Diamond', silver: 'Silver', bronze: 'Bronze', iron: 'Iron' },
  channelNames: { store: 'In store', web: 'Web shop', app: 'App', wechat: 'WeChat', phone: 'Phone', other: 'Other' },
  impact: {
    title: 'Impact preview', intro: 'Replays the orders of the last days with this campaign, before you save it. Nothing is stored.',
    days: 'Days to replay', run: 'Preview impact', orders: 'Orders replayed', customers: 'Customers affected',
    points: 'Points issued', pointsChange: '{{before}} → {{after}} ({{change}})', liability: 'Liability change', liabilityValue: '{{before}} → {{after}}',
    note: 'As of today: tiers and segments are today’s; caps and budgets are not applied.', stale: 'The form changed since this preview: run it again.',
  },
}

const zhCN: typeof en = {
  nav: '营销活动',
  title: '营销活动',
  intro: '积分翻倍、面向分群、渠道或品类的奖励、首单欢迎礼：每个活动作用于活动日期内下的订单，不超过预算。',
  add: '新建活动', edit: '编辑', list: '列表', calendar: '日历', empty: '还没有活动。', previousMonth: '上个月', nextMonth: '下个月',
  name: '名称', kind: '类型', reward: '奖励', window: '日期', budget: '预算', issued: '已发积分', state: '状态', actions: '操作',
  kinds: { multiplier: '积分倍数', bonus: '固定奖励' },
  multiplierValue: '× {{value}}', bonusValue: '+{{value}} 分', noBudget: '不限', issuedOfBudget: '{{issued}} / {{budget}}',
  states: { scheduled: '未开始', running: '进行中', ended: '已结束', paused: '已暂停', exhausted: '预算用完' },
  form: {
    addTitle: '新建活动', editTitle: '编辑 {{name}}', save: '保存活动', cancel: '取消', saved: '活动已保存。',
    name: '活动名称', kind: '奖励类型', multiplier: '倍数', multiplierHelp: '订单所得积分乘以该倍数：2 即翻倍。',
    bonusPoints: '奖励积分', bonusPointsHelp: '每笔符合条件的订单加送一次。',
    dates: '活动日期', datesHelp: '在这些日期（按商家日历）下的订单符合条件，事后导入的订单也一样。',
    conditions: '参与条件', conditionsHelp: '留空的条件不作限制；填写的条件须全部满足。',
    segment: '客户分群', tiers: '价值等级', anyTier: '任意等级', channels: '下单渠道', anyChannel: '任意渠道',
    categories: '商品品类', categoriesHelp: '输入品类后按回车。倍数只作用于这些商品。', anyCategory: '任意品类',
    firstOrder: '仅限首单', budget: '预算（积分）', budgetHelp: '发放积分达到预算即停止：触及预算的订单获得剩余部分，之后的订单不再获得。',
    active: '启用',
  },
  tierNames: { diamond: '金钻', silver: '白银', bronze: '铜', iron: '铁' },
  channelNames: { store: '门店', web: '网店', app: 'App', wechat: '微信', phone: '电话', other: '其他' },
  impact: {
    title: '影响预估', intro: '保存前，用该活动重放最近几天的订单。不会保存任何数据。',
    days: '重放天数', run: '预估影响', orders: '重放订单', customers: '受影响客户',
    points: '发放积分', pointsChange: '{{before}} → {{after}}（{{change}}）', liability: '负债变化', liabilityValue: '{{before}} → {{after}}',
    note: '按今天计算：等级与分群取当前值，不计上限与预算。', stale: '预估之后表单有改动：请重新预估。',
  },
}

/** @example definePluginAdmin({ messages: { en: { ...en, campaigns: campaignMessages.en } } }) */
export const campaignMessages = { en, 'zh-CN': zhCN }

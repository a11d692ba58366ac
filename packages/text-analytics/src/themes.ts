import type { TextLanguage } from './language.js'

/** What feedback is about. Labels are the admin's (zh-CN and en); keys are stable for the API. */
export const themes = {
  delivery: { label: { 'zh-CN': '物流配送', en: 'Delivery' } },
  product: { label: { 'zh-CN': '商品质量', en: 'Product quality' } },
  price: { label: { 'zh-CN': '价格优惠', en: 'Price and offers' } },
  service: { label: { 'zh-CN': '服务态度', en: 'Service and staff' } },
  waiting: { label: { 'zh-CN': '等待时间', en: 'Waiting time' } },
  refund: { label: { 'zh-CN': '退换退款', en: 'Returns and refunds' } },
  app: { label: { 'zh-CN': 'App 与线上', en: 'App and website' } },
  store: { label: { 'zh-CN': '门店环境', en: 'Store and premises' } },
  points: { label: { 'zh-CN': '积分会员', en: 'Points and membership' } },
} as const

export type Theme = keyof typeof themes

/**
 * Words that place a text under a theme. Chinese cues are matched inside the text (no spaces to
 * split on); English cues match whole words or their start (refund → refunded).
 */
const cues: Record<Theme, Record<TextLanguage, string[]>> = {
  delivery: {
    zh: ['物流', '快递', '发货', '配送', '送货', '到货', '收到货', '签收', '包裹', '外卖', '送到', '寄', '运输', '包装', '派送', '快递员', '快递柜'],
    en: ['deliver', 'shipping', 'shipped', 'ship', 'courier', 'parcel', 'package', 'packag', 'tracking', 'arriv', 'dispatch', 'driver', 'locker', 'postage'],
  },
  product: {
    zh: ['质量', '做工', '商品', '产品', '东西', '面料', '味道', '口感', '新鲜', '好吃', '难吃', '破损', '坏了', '掉色', '尺码', '正品', '假货', '菜品', '异味', '耐用'],
    en: ['quality', 'product', 'item', 'fabric', 'taste', 'tasty', 'fresh', 'stale', 'broken', 'faded', 'size', 'genuine', 'fake', 'smell', 'flavour', 'flavor', 'workmanship', 'battery'],
  },
  price: {
    zh: ['价格', '价钱', '贵', '便宜', '性价比', '优惠', '折扣', '打折', '满减', '优惠券', '划算', '实惠', '收费', '运费', '多收', '降价', '涨价', '保价', '年费', '费用'],
    en: ['price', 'pricey', 'expensive', 'cheap', 'discount', 'coupon', 'value', 'overcharg', 'overpriced', 'fee', 'cost', 'deal', 'sale', 'bargain', 'charge'],
  },
  service: {
    zh: ['客服', '服务', '态度', '店员', '服务员', '工作人员', '经理', '销售', '导购', '师傅', '售后', '回访', '投诉', '耐心', '热情', '专业', '解决'],
    en: ['service', 'support', 'staff', 'agent', 'assistant', 'waiter', 'manager', 'salesperson', 'advisor', 'rude', 'polite', 'friendly', 'patient', 'helpful', 'complain', 'follow-up', 'technician', 'engineer'],
  },
  waiting: {
    zh: ['等', '排队', '慢', '及时', '快速', '效率', '半天', '小时', '分钟', '迟到', '预约', '叫号', '占线', '没人接'],
    en: ['wait', 'queue', 'hold', 'slow', 'quick', 'minutes', 'hours', 'late', 'delay', 'appointment', 'forever', 'ages', 'fast', 'prompt'],
  },
  refund: {
    zh: ['退款', '退货', '换货', '退钱', '退卡', '到账', '售后申请', '无理由', '取消订单', '退还'],
    en: ['refund', 'return', 'exchange', 'money back', 'cancelled', 'cancel', 'reimburs', 'chargeback'],
  },
  app: {
    zh: ['app', '小程序', '网站', '页面', '系统', '登录', '注册', '闪退', '验证码', '界面', '扫码', '手机银行', '推送', '下单'],
    en: ['app', 'website', 'site', 'page', 'login', 'log in', 'sign up', 'register', 'crash', 'verification', 'checkout', 'mini program', 'notification', 'online'],
  },
  store: {
    zh: ['门店', '店里', '店内', '环境', '卫生', '装修', '试衣间', '停车', '房间', '座位', '空调', '干净', '脏', '吵'],
    en: ['store', 'shop', 'premises', 'branch', 'toilet', 'fitting room', 'parking', 'room', 'seating', 'interior', 'clean', 'dirty', 'noisy', 'crowded'],
  },
  points: {
    zh: ['积分', '会员', '等级', '金卡', '银卡', '权益', '兑换', '礼品', '生日礼', '升级', '降级', '会员日'],
    en: ['points', 'member', 'membership', 'tier', 'gold', 'silver', 'perks', 'reward', 'redeem', 'loyalty', 'birthday bonus'],
  },
}

/** The themes a text touches, in the order of `themes`; none when no cue appears. */
export function textThemes(text: string, language: TextLanguage): Theme[] {
  const lower = text.toLowerCase()
  return (Object.keys(cues) as Theme[]).filter((theme) =>
    cues[theme][language].some((cue) => (language === 'zh' ? lower.includes(cue) : startsWord(lower, cue))),
  )
}

function startsWord(text: string, cue: string) {
  for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + 1)) {
    if (at === 0 || !/[a-z]/.test(text[at - 1] as string)) return true
  }
  return false
}

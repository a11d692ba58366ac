/**
 * @module
 * What the demo's customers and staff write, in zh-CN and en: survey comments by score band,
 * complaint descriptions by category, staff replies, resolutions and follow-up notes (回访).
 */

/** A text in both languages; the customer's locale picks one. */
export type Bilingual = { 'zh-CN': string; en: string }

const t = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en })

/** NPS reasons: promoters (9–10), passives (7–8), detractors (0–6). */
export const NPS_REASONS = {
  promoter: [
    t('质量很好，价格也合理，已经推荐给同事了。', 'Great quality at a fair price; I already told my colleagues.'),
    t('会员积分很实用，每次都能换到优惠券。', 'The points are genuinely useful; I always get a voucher out of them.'),
    t('店员很专业，售后回访也很及时。', 'Staff know their products and the follow-up call came quickly.'),
    t('发货快，包装用心，买了好几年了。', 'Fast shipping, careful packaging; I have been buying here for years.'),
    t('退换货很顺利，客服态度非常好。', 'Returns were painless and customer service was lovely.'),
  ],
  passive: [
    t('东西不错，就是价格偏高一点。', 'Good products, a little on the expensive side.'),
    t('整体满意，配送有时候会慢。', 'Happy overall, though delivery is sometimes slow.'),
    t('还可以，希望会员活动再多一些。', 'Fine; I would like more member offers.'),
    t('款式挺多，但尺码经常缺货。', 'Lots of choice, but my size is often out of stock.'),
  ],
  detractor: [
    t('双十一订单晚了一个星期才到，太失望了。', 'My Double 11 order arrived a week late. Very disappointing.'),
    t('投诉之后很久才有人回复。', 'It took ages for anyone to answer my complaint.'),
    t('质量和以前比差了很多。', 'The quality is much worse than it used to be.'),
    t('积分规则太复杂，过期了都不知道。', 'The points rules are confusing; mine expired without me noticing.'),
    t('门店排队时间太长，店员也不耐烦。', 'Long queues in store and impatient staff.'),
  ],
} as const

/** CSAT after purchase comments by score (1–2, 3, 4–5). */
export const CSAT_COMMENTS = {
  low: [t('收到的商品有瑕疵，希望改进品控。', 'The item had a flaw; please improve quality control.'), t('和图片差别有点大。', 'It looks quite different from the photos.')],
  mid: [t('还行，物流可以再快一点。', 'Okay; delivery could be faster.'), t('一般般，没有惊喜。', 'Average, nothing special.')],
  high: [t('很满意，下次还会来买。', 'Very happy, I will be back.'), t('包装精美，送人很合适。', 'Beautifully packed, perfect as a gift.'), t('性价比很高。', 'Great value for money.')],
} as const

/** CES comments (1–3 hard, 4–5 neutral, 6–7 easy). */
export const CES_COMMENTS = {
  hard: [t('退款流程要填很多表，跑了两趟门店。', 'The refund needed lots of forms and two trips to the store.'), t('电话一直占线，等了很久。', 'The hotline was always busy; I waited a long time.')],
  neutral: [t('还算顺利，就是步骤有点多。', 'It went fine, just a few too many steps.')],
  easy: [t('小程序上几步就办好了。', 'Done in a few taps in the mini program.'), t('店员帮我一次就处理完了。', 'The staff sorted it out in one go.')],
} as const

/** CSAT after a complaint (回访) comments (low / high). */
export const COMPLAINT_CSAT_COMMENTS = {
  low: [t('问题虽然解决了，但过程太慢。', 'It was solved in the end, but far too slowly.'), t('补偿不太合理。', 'The compensation was not fair.')],
  high: [t('处理很及时，谢谢客服。', 'Handled quickly, thank you.'), t('回访很贴心，问题彻底解决了。', 'The follow-up call was thoughtful and the problem is fully solved.')],
} as const

/** Complaint descriptions by category id (complaint-tracking's default tree). */
export const COMPLAINT_DESCRIPTIONS: Record<string, readonly Bilingual[]> = {
  'product.quality': [t('新买的外套洗了一次就起球了。', 'The new coat pilled after one wash.'), t('面霜开封后有异味。', 'The face cream smelled off when opened.'), t('耳机左声道没有声音。', 'The left earbud makes no sound.')],
  'product.wrong-item': [t('收到的颜色和下单的不一样。', 'I received a different colour from the one I ordered.'), t('少发了一件商品。', 'One item was missing from the parcel.')],
  'service.staff': [t('门店店员态度冷淡，不愿意帮忙试穿。', 'The shop assistant was cold and would not help me try things on.'), t('客服说话不客气。', 'The agent on the phone was rude.')],
  'service.waiting': [t('收银台排队超过二十分钟。', 'I queued more than twenty minutes at the till.'), t('在线客服一直没人接入。', 'No agent ever joined the online chat.')],
  'delivery.late': [t('预计三天到货，一周了还没收到。', 'Promised in three days, still nothing after a week.'), t('物流信息一直不更新。', 'The tracking has not updated for days.')],
  'delivery.damaged': [t('快递到的时候箱子被压坏了，杯子碎了一个。', 'The box arrived crushed and one cup was broken.'), t('外包装破损，商品有划痕。', 'The packaging was torn and the product is scratched.')],
  billing: [t('优惠券没有抵扣成功，多付了钱。', 'The voucher was not applied and I paid too much.'), t('同一笔订单被扣了两次款。', 'I was charged twice for the same order.')],
  other: [t('会员积分没有到账。', 'My points never arrived.'), t('想修改收货地址但找不到入口。', 'I cannot find where to change my delivery address.')],
}

/** A staff member's first reply to the customer. */
export const FIRST_REPLIES = [
  t('您好，非常抱歉给您带来不便，我们已经在核实，今天内给您答复。', 'Hello, we are very sorry for the trouble. We are looking into it and will get back to you today.'),
  t('收到您的反馈，已转交相关部门处理，请您耐心等待。', 'Thank you, we have passed this to the team concerned and will update you shortly.'),
]

/** Internal notes between staff. */
export const INTERNAL_NOTES = ['已联系仓库核对出库记录。', '等待快递公司回复理赔结果。', 'Checked the order: the voucher failed at checkout.']

/** Resolution codes with their summaries. */
export const RESOLUTIONS = [
  { code: 'refund', summary: t('已全额退款并致歉。', 'Refunded in full with an apology.') },
  { code: 'replacement', summary: t('已补发新品，旧件无需退回。', 'Replacement sent; no need to return the old one.') },
  { code: 'compensation', summary: t('赠送积分作为补偿。', 'Goodwill points granted as compensation.') },
  { code: 'explained', summary: t('已向客户解释原因，客户表示理解。', 'Explained the cause; the customer understood.') },
] as const

/** Notes of a follow-up visit (回访) by outcome. */
export const FOLLOW_UP_NOTES = {
  satisfied: ['电话回访：客户对处理结果满意。', 'Called back: the customer is happy with the outcome.'],
  unsatisfied: ['电话回访：客户仍有不满，建议加强配送管理。', 'Called back: still unhappy, wants faster delivery.'],
  unreached: ['电话无人接听，已发送短信。', 'No answer; sent a text message.'],
} as const

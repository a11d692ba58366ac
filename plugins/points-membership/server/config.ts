/**
 * @module
 * The plugin's configuration: validated when enabled or changed; defaults fill a fresh config.
 * Its JSON Schema drives the admin form.
 */
import { configText, z } from '@rapport/plugin-sdk'

const positiveMultiplier = z.number().positive().max(100)

/**
 * Earning, timing and limit settings of points-membership.
 * @example pointsConfig.parse({}) // { currency: 'CNY', pointsPerUnit: 1, returnWindowDays: 7, ... }
 */
export const pointsConfig = z.object({
  /** The only currency orders earn in; other currencies earn nothing (preview: 422). */
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY').meta(configText(['Currency', '币种'], ['The only currency orders earn points in (ISO code such as CNY); orders in others earn none.', '只有此币种（如 CNY）的订单可获积分，其他币种的订单不计积分。'])),
  /** Minor units in one major unit of `currency` (100 fen in a yuan). */
  minorPerUnit: z.number().int().positive().default(100).meta(configText(['Minor units per unit', '每单位的最小货币单位数'], ['100 fen in a yuan.', '例如 1 元 = 100 分。'])),
  /** Points per major unit spent, before multipliers. */
  pointsPerUnit: z.number().nonnegative().max(1000).default(1).meta(configText(['Points per unit spent', '每消费 1 单位的积分'], ['Before multipliers.', '未计倍数前。'])),
  /** Multipliers by item category, e.g. `{ tea: 2 }`; unknown categories count 1. */
  categoryMultipliers: z.record(z.string().min(1), positiveMultiplier).default({}).meta(configText(['Multipliers by item category', '按商品类别的倍数'], ['For example { "tea": 2 }; other categories count once.', '例如 { "tea": 2 }；其他类别按 1 倍计。'])),
  /** Days a new order's points stay pending (the return window) before they can be spent. */
  returnWindowDays: z.number().int().min(0).max(365).default(7).meta(configText(['Pending days (return window)', '待生效天数（退货期）'], ['Days an order\'s points stay pending before they can be spent.', '订单积分在可使用前的待生效天数。'])),
  /** Days after earning that a lot expires. */
  expiryDays: z.number().int().min(1).max(3650).default(365).meta(configText(['Points expire after (days)', '积分有效期（天）'])),
  /** Days ahead counted by `points.expiringSoon`. */
  expiringSoonDays: z.number().int().min(1).max(365).default(30).meta(configText(['"Expiring soon" looks ahead (days)', '“即将过期”统计天数'], ['Points expiring within this many days count as expiring soon in the profile.', '在这些天内过期的积分计入档案中的“即将过期”。'])),
  /** Enrol a customer automatically on their first completed order. */
  autoEnrol: z.boolean().default(true).meta(configText(['Enrol on first order', '首单自动入会'], ['A customer becomes a member on their first completed order.', '客户完成首单即自动成为会员。'])),
  /** When a refund revokes more than the balance holds, record the rest as debt (repaid from the next earns); otherwise forgive it. */
  allowDebt: z.boolean().default(true).meta(configText(['Keep refund debt', '保留退款欠分'], ['When a refund takes back more points than the balance holds, the rest is repaid from the next points earned; otherwise it is forgiven.', '退款扣回的积分超过余额时，差额从之后获得的积分中扣还；关闭则免除。'])),
  caps: z.object({
    /** Most points one customer can earn from orders per UTC day. */
    perDay: z.number().int().positive().optional().meta(configText(['Per day', '每日上限'], ['Most points one customer can earn from orders in a day (UTC); empty: no cap.', '单个客户每天（UTC）从订单获得积分的上限；留空为不限。'])),
    /** Most points one customer can ever earn from orders. */
    perCustomer: z.number().int().positive().optional().meta(configText(['Per customer, ever', '每位客户累计上限'], ['Most points one customer can ever earn from orders; empty: no cap.', '单个客户从订单累计可获得的积分上限；留空为不限。'])),
  }).default({}).meta(configText(['Earning caps', '获取上限'])),
  /**
   * Fixed bonuses for other plugins' events, e.g. `{ "survey.responseCompleted": { points: 50 } }`;
   * available at once, not capped; `segmentId` limits one to a saved segment's customers. Amounts apply live; the set of event types is read when the
   * plugin starts (enable or boot).
   */
  eventBonuses: z.record(
    z.string().regex(/^[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9.]+$/).refine((type) => !type.startsWith('points.') && !type.startsWith('order.'), 'not points.* or order.* events'),
    z.object({
      points: z.number().int().positive().max(1_000_000),
      oncePerCustomer: z.boolean().default(false),
      /** A saved segment (core's Segments page): only members in it when the event happens get the bonus. */
      segmentId: z.string().min(1).max(64).optional(),
    }),
  ).default({}).meta(configText(['Bonuses for other events', '其他事件奖励'], ['Fixed points for events of other plugins, for example { "survey.response.completed": { "points": 50 } }; available at once, not capped. A segmentId limits one to a saved segment\'s customers.', '其他插件事件的固定奖励积分，例如 { "survey.response.completed": { "points": 50 } }；立即可用，不受上限限制。segmentId 表示仅限某个已保存分群的客户。'])),
  /** Days before a lot expires that `points.expiring` is emitted (once per customer and expiry day). */
  expiryNoticeDays: z.number().int().min(1).max(365).default(14).meta(configText(['Expiry notice (days before)', '过期提醒（提前天数）'], ['Members are told this many days before their points expire.', '积分过期前这么多天提醒会员。'])),
  /**
   * Birthday bonus, once a year, on the day or in the month of the customer's birthday (the
   * business's calendar, `RAPPORT_TIME_ZONE`): `points` (0: none) and, when `rewardId` names an
   * active reward, one voucher of it (a birthday coupon, no points spent).
   */
  birthdayBonus: z.object({
    points: z.number().int().min(0).max(1_000_000).default(0).meta(configText(['Birthday points', '生日积分'], ['0: none.', '0 表示不赠送。'])), when: z.enum(['day', 'month']).default('month').meta(configText(['Given on', '发放时间'], undefined, { day: ['The birthday', '生日当天'], month: ['The birthday month', '生日当月'] })),
    rewardId: z.string().min(1).max(64).optional().meta(configText(['Birthday coupon (reward id)', '生日优惠券（奖品 ID）'], ['One voucher of this active reward as well, no points spent; empty: none.', '另赠一张该有效奖品的兑换券，不扣积分；留空则不赠送。'])),
  }).default({ points: 0, when: 'month' }).meta(configText(['Birthday bonus', '生日奖励'], ['Once a year, on the business\'s calendar.', '每年一次，按商家所在时区的日历。'])),
  /** Points credited to a customer when they enrol (the signup bonus); 0 is off. Available at once. */
  signupBonus: z.number().int().min(0).max(1_000_000).default(0).meta(configText(['Signup bonus', '入会奖励积分'], ['Points credited when a customer enrols, available at once; 0: none.', '客户入会时赠送的积分，立即可用；0 表示不赠送。'])),
  /** Most points one goodwill credit (`complaint.goodwill.granted`, `points.credit`) may grant. */
  maxGoodwillPoints: z.number().int().positive().default(10_000).meta(configText(['Most goodwill points at once', '单次补偿积分上限'], ['Most points one goodwill credit (for example from a complaint) may grant.', '单次补偿（例如投诉处理）可赠送的积分上限。'])),
  /** What one point is worth in minor units of `currency`, for the liability report. */
  pointValueMinor: z.number().nonnegative().max(1_000_000).default(1).meta(configText(['Value of a point (minor units)', '每积分价值（最小货币单位）'], ['For the liability report.', '用于积分负债报表。'])),
  /** Minutes after a till used a voucher code in which it may undo the use (0: never). */
  voucherUndoMinutes: z.number().int().min(0).max(10_080).default(30).meta(configText(['Undo a voucher use within (minutes)', '兑换券撤销时限（分钟）'], ['Minutes after a till used a voucher in which it may undo the use; 0: never.', '收银台使用兑换券后可撤销的分钟数；0 表示不可撤销。'])),
  /**
   * Member-get-member: once a referred customer's first order of at least `minOrderMinor` completes,
   * the referrer and the referee each get their points and, when a reward id is set, one voucher
   * of that active reward (no points spent), at the order's time.
   */
  referrals: z.object({
    referrerPoints: z.number().int().min(0).max(1_000_000).default(200).meta(configText(['Points for the referrer', '推荐人积分'], ['0: none.', '0 表示不赠送。'])),
    refereePoints: z.number().int().min(0).max(1_000_000).default(100).meta(configText(['Points for the new customer', '被推荐人积分'], ['0: none.', '0 表示不赠送。'])),
    referrerRewardId: z.string().min(1).max(64).optional().meta(configText(['Coupon for the referrer (reward id)', '推荐人优惠券（奖品 ID）'], ['One voucher of this active reward; empty: none.', '赠送一张该有效奖品的兑换券；留空则不赠送。'])),
    refereeRewardId: z.string().min(1).max(64).optional().meta(configText(['Coupon for the new customer (reward id)', '被推荐人优惠券（奖品 ID）'], ['One voucher of this active reward; empty: none.', '赠送一张该有效奖品的兑换券；留空则不赠送。'])),
    minOrderMinor: z.number().int().min(0).default(0).meta(configText(['Qualifying order from (minor units)', '有效首单最低金额（最小货币单位）'], ['The first order at least this large rewards both sides.', '被推荐人首笔不低于该金额的订单完成后，双方获得奖励。'])),
  }).default({ referrerPoints: 200, refereePoints: 100, minOrderMinor: 0 }).meta(configText(['Referrals', '推荐有礼'], ['Rewards for a member who brings a new customer, and for that customer.', '会员推荐新客户时，推荐人和新客户各自获得的奖励。'])),
  /** Largest spend or adjustment accepted in one request (POINTS_AMOUNT_OVER_LIMIT above it). */
  maxPointsPerRequest: z.number().int().positive().default(1_000_000).meta(configText(['Most points per request', '单次请求积分上限'], ['Largest spend or adjustment accepted in one request.', '单次请求可接受的最大消费或调整积分。'])),
})

/** The validated config. @example const c: PointsConfig = pointsConfig.parse({}) */
export type PointsConfig = z.infer<typeof pointsConfig>

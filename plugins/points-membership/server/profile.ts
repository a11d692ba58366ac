/**
 * @module
 * Profile fields that mirror the ledger (changed only through `ctx.updateProfile`).
 */
import { field } from '@rapport/plugin-sdk'

/** Keyed without the namespace: `balance` is `points.balance`. @example profile.balance.kind // 'integer' */
export const profile = {
  balance: field.integer(['Points balance', '积分余额']),
  lifetimeEarned: field.integer(['Lifetime points earned', '累计获得积分']),
  memberNo: field.string(['Member number', '会员号']),
  memberSince: field.date(['Member since', '入会日期']),
  expiringSoon: field.integer(['Points expiring soon', '即将过期积分']),
  /** Referred customers whose first qualifying order rewarded the referral (tiering's ladder may count them toward advocate). */
  referrals: field.integer(['Customers referred', '成功推荐人数']),
}

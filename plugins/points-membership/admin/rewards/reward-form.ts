/**
 * @module
 * A reward as the reward form edits it and back: the value is split into the fields its kind
 * takes (an amount in major units and a currency, a percentage, or a product's SKU and name), and
 * the birthday coupon is whether the plugin config's `birthdayBonus.rewardId` names this reward.
 */
import type { Reward, RewardInput } from '../api'

/** The form's values. */
export type RewardFormValues = Omit<Reward, 'value'> & {
  amount?: number | null
  currency?: string
  percent?: number | null
  sku?: string
  productName?: string
  birthdayCoupon: boolean
}

/** What a new reward starts as. */
export const NEW_REWARD: Partial<RewardFormValues> = {
  kind: 'voucher', active: true, voucherValidDays: 30, stock: null, perCustomerLimit: null, tiers: null, exclusive: false, currency: 'CNY', birthdayCoupon: false,
}

/** @example toForm(reward, 'cake') // { ...reward, amount: 10, currency: 'CNY', birthdayCoupon: false } */
export function toForm(r: Reward, birthdayRewardId: string | undefined): RewardFormValues {
  const { value, ...rest } = r
  const base: RewardFormValues = { ...rest, currency: 'CNY', birthdayCoupon: birthdayRewardId === r.id }
  if (value?.type === 'amount') return { ...base, amount: value.amountMinor / 100, currency: value.currency }
  if (value?.type === 'percent') return { ...base, percent: value.percent }
  if (value?.type === 'product') return { ...base, sku: value.sku, productName: value.productName }
  return base
}

/** The value the kind takes from the form, or null when its fields are empty. */
export function valueOf(v: Pick<RewardFormValues, 'kind' | 'amount' | 'currency' | 'percent' | 'sku' | 'productName'>): RewardInput['value'] {
  if (v.kind === 'voucher') return v.amount == null ? null : { type: 'amount', amountMinor: Math.round(v.amount * 100), currency: (v.currency ?? 'CNY').trim().toUpperCase() }
  if (v.kind === 'discount') return v.percent == null ? null : { type: 'percent', percent: v.percent }
  return v.sku?.trim() || v.productName?.trim() ? { type: 'product', sku: (v.sku ?? '').trim(), productName: (v.productName ?? '').trim() } : null
}

/** The config with the birthday coupon set to this reward, or taken off it; null when nothing changes. */
export function birthdayConfig(config: Record<string, unknown>, rewardId: string, coupon: boolean): Record<string, unknown> | null {
  const birthday = { ...((config.birthdayBonus as Record<string, unknown> | undefined) ?? {}) }
  const names = birthday.rewardId === rewardId
  if (coupon === names) return null
  if (coupon) birthday.rewardId = rewardId
  else delete birthday.rewardId
  return { ...config, birthdayBonus: birthday }
}

/** Where the server's issues on `value.*` land in the form. */
export const VALUE_FIELDS: Record<string, keyof RewardFormValues> = {
  'value.amountMinor': 'amount', 'value.currency': 'currency', 'value.percent': 'percent', 'value.sku': 'sku', 'value.productName': 'productName', value: 'amount',
}

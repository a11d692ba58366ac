/**
 * @module
 * A reward's value as the rewards list shows it: a voucher's amount in its currency, a discount's
 * percentage, a gift's product (its name, else its SKU); undefined when the reward has none.
 */
import { formatMoney } from '@rapport/admin-kit'
import type { Reward } from '../api'

/** @example valueText({ type: 'percent', percent: 15 }, t, 'en') // '15% off' */
export function valueText(value: Reward['value'], t: (key: string, options?: Record<string, unknown>) => string, language: string): string | undefined {
  if (!value) return undefined
  if (value.type === 'amount') return formatMoney(value.amountMinor, value.currency, language)
  if (value.type === 'percent') return t('rewards.percentOff', { percent: value.percent })
  return value.productName || value.sku || undefined
}

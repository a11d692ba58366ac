/**
 * @module
 * Money as the admin shows it: integer minor units plus an ISO 4217 currency.
 */

/** Minor-unit digits of `currency` (2 for CNY, 0 for JPY), as Intl knows them. */
const fractionDigitsOf = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2

/**
 * Formats an amount in minor units, or returns `undefined` when the values are not money.
 * @example formatMoney(129900, 'CNY', 'zh-CN') // "¥1,299.00"
 */
export const formatMoney = (amountMinor: unknown, currency: unknown, language: string): string | undefined => {
  if (typeof amountMinor !== 'number' || !Number.isInteger(amountMinor) || typeof currency !== 'string') return undefined
  try {
    const digits = fractionDigitsOf(currency)
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amountMinor / 10 ** digits)
  } catch {
    return undefined
  }
}

/**
 * @module
 * How tiering's pages write shares and amounts. Tiering's aggregates are sums of minor units
 * without a currency (a window may hold several), so amounts read as plain numbers with two
 * decimals.
 */

/** Share of `part` in `whole` as a percentage with one decimal, '–' when there is no whole. @example percent(1, 4) // '25.0%' */
export const percent = (part: number, whole: number): string => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '–')

/** A ratio 0…1 as a percentage with one decimal. @example ratioPercent(0.25) // '25.0%' */
export const ratioPercent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`

/** Minor units as a number with two decimals in `language`. @example formatAmount(123456, 'en') // '1,234.56' */
export const formatAmount = (minor: number, language: string): string =>
  new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100)

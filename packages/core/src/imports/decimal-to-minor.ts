/**
 * @module
 * Exact conversion of decimal amounts (`129.00`) to integer minor units, by the currency's
 * ISO 4217 exponent. No floating point: `0.29` never becomes 28.
 */

const ZERO_DECIMALS = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'])
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'])

/** Digits after the decimal point in the currency's minor unit: 0 for JPY and KRW, 3 for KWD, else 2. @example currencyExponent('JPY') // 0 */
export function currencyExponent(currency: string): number {
  return ZERO_DECIMALS.has(currency) ? 0 : THREE_DECIMALS.has(currency) ? 3 : 2
}

/**
 * `amount` in minor units of `currency`, or why it cannot be converted exactly.
 * @example
 * decimalToMinor('129.00', 'CNY') // { ok: true, minor: 12900 }
 * decimalToMinor('1500', 'JPY')   // { ok: true, minor: 1500 }
 * decimalToMinor('1.005', 'USD')  // { ok: false, message: 'has more than 2 decimals for USD' }
 */
export function decimalToMinor(amount: string, currency: string): { ok: true; minor: number } | { ok: false; message: string } {
  const match = /^(\d{1,16})(?:\.(\d{1,16}))?$/.exec(amount)
  if (!match) return { ok: false, message: 'must be a non-negative decimal such as 129.00' }
  const exponent = currencyExponent(currency)
  const fraction = match[2] ?? ''
  if (/[1-9]/.test(fraction.slice(exponent))) return { ok: false, message: `has more than ${exponent} decimals for ${currency}` }
  const minor = BigInt(match[1]!) * 10n ** BigInt(exponent) + BigInt(fraction.slice(0, exponent).padEnd(exponent, '0') || '0')
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'is too large' }
  return { ok: true, minor: Number(minor) }
}

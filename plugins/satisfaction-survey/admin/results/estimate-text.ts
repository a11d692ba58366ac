/**
 * @module
 * How the analysis writes its figures: shares as percentages, NPS as signed points.
 */

/** A 0–1 share as a percentage with one decimal, or a dash. @example percent(0.4902) // '49.0%' */
export const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1)}%`)

/** NPS points, signed when negative. @example points(-18.4) // '−18.4' */
export const points = (value: number | null): string => (value === null ? '–' : String(value).replace('-', '−'))

/** A p-value to three decimals, or "< 0.001". @example pText(0.014) // '0.014' */
export const pText = (p: number): string => (p < 0.001 ? '< 0.001' : p.toFixed(3))

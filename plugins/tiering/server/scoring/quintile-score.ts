/**
 * @module
 * RFM scores 1–5 by quintile, with ties and small populations handled by the mid-rank: a value's
 * position is `(below + equal / 2) / n`, so equal values always share a score, a lone customer
 * (or a population of equals) sits in the middle (3), and five distinct values get 1…5.
 * The nightly job computes the same formula in SQL; this is the reference, tested as a table.
 */

/** Where a value stands in its population: how many are strictly below, how many equal it (itself included), how many in all. */
export type Standing = { below: number; equal: number; n: number }

/**
 * The quintile score of a value from its standing; 3 when the population is empty.
 * @example quintileScore({ below: 0, equal: 1, n: 5 }) // 1
 */
export function quintileScore({ below, equal, n }: Standing): number {
  if (n <= 0 || equal <= 0) return 3
  return 1 + Math.floor((5 * (2 * below + equal)) / (2 * n))
}

/**
 * The score of a value against stored cut points: `cuts[k]` is the lowest value that scored
 * `k + 2` or more at the last full re-evaluation (null when no one did).
 * @example scoreFromCuts(120, [10, 50, 100, 500]) // 4
 */
export function scoreFromCuts(value: number, cuts: readonly (number | null)[]): number {
  return 1 + cuts.filter((cut) => cut !== null && value >= cut).length
}

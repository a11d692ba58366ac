/**
 * @module
 * NPS and its margin of error from promoter, passive and detractor counts, and the SQL that counts them.
 */

/** NPS over a set of responses with an NPS score. */
export type NpsSummary = {
  nps: number | null; marginOfError: number | null; responses: number; promoters: number; passives: number; detractors: number
}

/** Select-list counting scores of `r.nps`: `n`, `promoters`, `detractors` (COUNT skips nulls). */
export const NPS_COUNTS_SQL = 'COUNT(r.nps) AS n, COUNT(CASE WHEN r.nps >= 9 THEN 1 END) AS promoters, COUNT(CASE WHEN r.nps <= 6 THEN 1 END) AS detractors'

/** The counts a query with `NPS_COUNTS_SQL` returns (numbers or numeric strings). */
export type NpsCounts = { n: number | string | null; promoters: number | string | null; detractors: number | string | null }

const round1 = (x: number): number => Math.round(x * 10) / 10

/**
 * NPS = (P − D) / n × 100; margin of error (95%) = 1.96 × sqrt(var / n) × 100, where var is the
 * population variance of the +1 / 0 / −1 scores: (P + D) / n − ((P − D) / n)².
 * @example npsSummary({ n: 10, promoters: 5, detractors: 2 }) // { nps: 30, marginOfError: 51.1, responses: 10, promoters: 5, passives: 3, detractors: 2 }
 */
export function npsSummary(c: NpsCounts | undefined): NpsSummary {
  const n = Number(c?.n ?? 0)
  const promoters = Number(c?.promoters ?? 0)
  const detractors = Number(c?.detractors ?? 0)
  if (n === 0) return { nps: null, marginOfError: null, responses: 0, promoters: 0, passives: 0, detractors: 0 }
  const mean = (promoters - detractors) / n
  const variance = Math.max(0, (promoters + detractors) / n - mean * mean)
  return {
    nps: round1(mean * 100), marginOfError: round1(1.96 * Math.sqrt(variance / n) * 100),
    responses: n, promoters, passives: n - promoters - detractors, detractors,
  }
}

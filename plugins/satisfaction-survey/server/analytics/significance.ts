/**
 * @module
 * Confidence intervals and two-sided significance tests for survey scores, at 95%: NPS from the
 * variance of its −1 / 0 / +1 coding, top-2-box shares with Wilson's interval (it stays inside
 * 0–1 and holds for small n and shares near 0 or 1, where the plain normal interval does not).
 */
import { errorFunction } from 'simple-statistics'

/** The normal quantile of a two-sided 95% interval. */
export const Z95 = 1.96

/** Below this many answers in either group a result is flagged as a small sample. */
export const SMALL_SAMPLE = 30

/** A share with its 95% Wilson interval; all null without answers. */
export type ShareInterval = { share: number | null; low: number | null; high: number | null }

/** A two-sided test of a difference `a − b`; null parts when either side has no answers or no variance. */
export type DifferenceTest = {
  method: 'nps-difference' | 'two-proportion'
  difference: number | null; z: number | null; pValue: number | null
  /** p < 0.05. */
  significant: boolean
  /** Either side has fewer than 30 answers: the normal approximation is rough. */
  smallSample: boolean
}

/** Counts of an NPS question: answers, promoters (9–10) and detractors (0–6). */
export type NpsCounts = { n: number; promoters: number; detractors: number }

/** Counts of a top-2-box: answers and answers in the top two values of the scale. */
export type BoxCounts = { n: number; top: number }

/** Two-sided p-value of a standard normal statistic: 2 × (1 − Φ(|z|)) = 1 − erf(|z| / √2). @example twoSidedP(1.96) // 0.04999… */
export const twoSidedP = (z: number): number => Math.min(1, Math.max(0, 1 - errorFunction(Math.abs(z) / Math.SQRT2)))

/**
 * Wilson's score interval: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
 * @example wilsonInterval({ n: 10, top: 8 }) // { share: 0.8, low: 0.4902, high: 0.9433 }
 */
export function wilsonInterval({ n, top }: BoxCounts, z = Z95): ShareInterval {
  if (n === 0) return { share: null, low: null, high: null }
  const p = top / n
  const denominator = 1 + (z * z) / n
  const centre = (p + (z * z) / (2 * n)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator
  return { share: round(p, 4), low: round(Math.max(0, centre - half), 4), high: round(Math.min(1, centre + half), 4) }
}

/** The mean and population variance of the −1 / 0 / +1 coding of NPS answers. */
export function npsMoments({ n, promoters, detractors }: NpsCounts): { mean: number; variance: number } | null {
  if (n === 0) return null
  const mean = (promoters - detractors) / n
  return { mean, variance: Math.max(0, (promoters + detractors) / n - mean * mean) }
}

/**
 * NPS difference test: z = (NPSa − NPSb) / √(var a / na + var b / nb), on the −1…+1 scale; the difference is reported ×100.
 * @example npsDifferenceTest({ n: 10, promoters: 5, detractors: 2 }, { n: 10, promoters: 1, detractors: 6 }) // difference 80, z 2.4572
 */
export function npsDifferenceTest(a: NpsCounts, b: NpsCounts): DifferenceTest {
  const ma = npsMoments(a)
  const mb = npsMoments(b)
  const smallSample = a.n < SMALL_SAMPLE || b.n < SMALL_SAMPLE
  if (!ma || !mb) return { method: 'nps-difference', difference: null, z: null, pValue: null, significant: false, smallSample }
  const difference = ma.mean - mb.mean
  const se = Math.sqrt(ma.variance / a.n + mb.variance / b.n)
  return finish('nps-difference', round(difference * 100, 1), se === 0 ? null : difference / se, smallSample)
}

/**
 * Two-proportion z-test with the pooled share: z = (pa − pb) / √(p(1 − p)(1/na + 1/nb)); the difference is in points of share (0–1).
 * @example twoProportionTest({ n: 100, top: 45 }, { n: 100, top: 30 }) // difference 0.15, z 2.1909, pValue 0.0285
 */
export function twoProportionTest(a: BoxCounts, b: BoxCounts): DifferenceTest {
  const smallSample = a.n < SMALL_SAMPLE || b.n < SMALL_SAMPLE
  if (a.n === 0 || b.n === 0) return { method: 'two-proportion', difference: null, z: null, pValue: null, significant: false, smallSample }
  const pooled = (a.top + b.top) / (a.n + b.n)
  const difference = a.top / a.n - b.top / b.n
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  return finish('two-proportion', round(difference, 4), se === 0 ? null : difference / se, smallSample)
}

function finish(method: DifferenceTest['method'], difference: number, z: number | null, smallSample: boolean): DifferenceTest {
  // No variance on either side (every answer alike): no test, and no claim of a difference.
  if (z === null) return { method, difference, z: null, pValue: null, significant: false, smallSample }
  const pValue = twoSidedP(z)
  return { method, difference, z: round(z, 4), pValue: round(pValue, 4), significant: pValue < 0.05, smallSample }
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits

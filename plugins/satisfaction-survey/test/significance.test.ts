import { describe, expect, it } from 'vitest'
import { npsDifferenceTest, twoProportionTest, twoSidedP, wilsonInterval } from '../server/analytics/significance.js'

// Every expected figure below is worked out by hand in the comment beside it (z = 1.96).
describe('confidence intervals and significance tests', () => {
  it('gives the Wilson interval of a top-2-box share', () => {
    // p = 0.8, n = 10, z² = 3.8416: denominator 1 + 0.38416 = 1.38416;
    // centre (0.8 + 0.19208) / 1.38416 = 0.716737; half 1.96 × √(0.016 + 0.009604) / 1.38416 = 0.226581
    expect(wilsonInterval({ n: 10, top: 8 })).toEqual({ share: 0.8, low: 0.4902, high: 0.9433 })
    // p = 1, n = 5: centre (1 + 0.38416) / 1.76832 = 0.782754; half 1.96 × √(0.038416) / 1.76832 = 0.217246 → high 1 (the plain interval would be 1 ± 0)
    expect(wilsonInterval({ n: 5, top: 5 })).toEqual({ share: 1, low: 0.5655, high: 1 })
    expect(wilsonInterval({ n: 0, top: 0 })).toEqual({ share: null, low: null, high: null })
  })

  it('turns a z statistic into a two-sided p-value', () => {
    expect(twoSidedP(1.96)).toBeCloseTo(0.05, 4) // the 97.5% quantile
    expect(twoSidedP(-2.5758)).toBeCloseTo(0.01, 4)
    expect(twoSidedP(0)).toBeCloseTo(1, 6)
  })

  it('tests two top-2-box shares with the pooled two-proportion z-test', () => {
    // 45/100 against 30/100: pooled 75/200 = 0.375; se = √(0.375 × 0.625 × (1/100 + 1/100)) = √0.0046875 = 0.068465;
    // z = 0.15 / 0.068465 = 2.1909; p = 2 × (1 − Φ(2.1909)) = 0.0285
    expect(twoProportionTest({ n: 100, top: 45 }, { n: 100, top: 30 })).toEqual({
      method: 'two-proportion', difference: 0.15, z: 2.1909, pValue: 0.0285, significant: true, smallSample: false,
    })
    // 6/10 against 5/10: pooled 0.55; se = √(0.55 × 0.45 × 0.2) = 0.222486; z = 0.1 / 0.222486 = 0.4495; p = 0.6531
    expect(twoProportionTest({ n: 10, top: 6 }, { n: 10, top: 5 })).toEqual({
      method: 'two-proportion', difference: 0.1, z: 0.4495, pValue: 0.6531, significant: false, smallSample: true,
    })
  })

  it('tests two NPS by the difference of their −1/0/+1 means', () => {
    // a: 5 promoters, 2 detractors of 10 → mean 0.3, variance 0.7 − 0.09 = 0.61
    // b: 1 promoter, 6 detractors of 10 → mean −0.5, variance 0.7 − 0.25 = 0.45
    // se = √(0.061 + 0.045) = 0.325576; z = 0.8 / 0.325576 = 2.4572; p = 0.0140
    expect(npsDifferenceTest({ n: 10, promoters: 5, detractors: 2 }, { n: 10, promoters: 1, detractors: 6 })).toEqual({
      method: 'nps-difference', difference: 80, z: 2.4572, pValue: 0.014, significant: true, smallSample: true,
    })
  })

  it('makes no claim without answers on a side or without any variance', () => {
    expect(npsDifferenceTest({ n: 0, promoters: 0, detractors: 0 }, { n: 40, promoters: 20, detractors: 5 })).toMatchObject({ difference: null, pValue: null, significant: false })
    expect(twoProportionTest({ n: 40, top: 40 }, { n: 40, top: 40 })).toMatchObject({ difference: 0, z: null, pValue: null, significant: false, smallSample: false })
  })
})

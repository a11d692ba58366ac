import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { analytics, seedResponses } from './analytics-seed.js'
import { base, publishedSurvey } from './survey-client.js'

const npsScores = { diamond: [10, 10, 9, 9, 9, 8, 7, 7, 6, 0], iron: [10, 8, 7, 7, 6, 5, 4, 3, 2, 0] }

describe.each(dialects)('survey analysis on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [satisfactionSurvey], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('gives NPS, CSAT and CES top-2-box by tier with 95% intervals, and tests two tiers against each other', async () => {
    const survey = await publishedSurvey(host)
    const at = (i: number) => `2026-05-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`
    await seedResponses(host, [
      // diamond: CSAT 4–5 on 8 of 10 answers, CES 6–7 on 3 of 4
      ...npsScores.diamond.map((nps, i) => ({ surveyId: survey.id, nps, csat: i < 8 ? 5 - (i % 2) : 2, ces: i < 4 ? (i < 3 ? 7 : 3) : null, at: at(i), snapshot: { 'tiering.tier': 'diamond' } })),
      ...npsScores.iron.map((nps, i) => ({ surveyId: survey.id, nps, csat: i < 5 ? 4 : 1, at: at(i), snapshot: { 'tiering.tier': 'iron' } })),
    ])
    const range = 'from=2026-05-01&to=2026-05-31'
    const byTier = await analytics(host, `/analytics/breakdown?by=field&field=tiering.tier&${range}`)
    expect(byTier).toMatchObject({ from: '2026-05-01', to: '2026-05-31', by: 'field', field: 'tiering.tier' })
    const diamond = byTier.groups.find((g: { key: string }) => g.key === 'diamond')
    // NPS 30 ± 1.96 × √(0.61 / 10) × 100 = 30 ± 48.4
    expect(diamond.nps).toMatchObject({ nps: 30, marginOfError: 48.4, low: -18.4, high: 78.4, responses: 10 })
    // CSAT 8 of 10 in the box: Wilson 0.4902–0.9433 (worked out in significance.test.ts); average (4 × 5 + 4 × 4 + 2 × 2) / 10 = 4
    expect(diamond.csat).toEqual({ responses: 10, topBox: 8, share: 0.8, low: 0.4902, high: 0.9433, average: 4 })
    // CES 3 of 4: p 0.75, centre (0.75 + 0.4802) / 1.9604 = 0.627525, half 1.96 × √(0.046875 + 0.060025) / 1.9604 = 0.326889 → 0.3006–0.9544
    expect(diamond.ces).toEqual({ responses: 4, topBox: 3, share: 0.75, low: 0.3006, high: 0.9544, average: 6 })

    const tiers = await analytics(host, `/analytics/compare?against=group&by=field&field=tiering.tier&a=diamond&b=iron&${range}`)
    expect(tiers.a).toMatchObject({ key: 'diamond', from: '2026-05-01', to: '2026-05-31' })
    expect(tiers.b.nps).toMatchObject({ nps: -50, promoters: 1, detractors: 6 })
    // NPS 30 against −50: se √(0.061 + 0.045) = 0.325576, z 2.4572, p 0.0140
    expect(tiers.tests.nps).toEqual({ method: 'nps-difference', difference: 80, z: 2.4572, pValue: 0.014, significant: true, smallSample: true })
    // CSAT 8/10 against 5/10: pooled 0.65, se √(0.65 × 0.35 × 0.2) = 0.213307, z 0.3 / 0.213307 = 1.4064, p 0.1596
    expect(tiers.tests.csat).toEqual({ method: 'two-proportion', difference: 0.3, z: 1.4064, pValue: 0.1596, significant: false, smallSample: true })
    expect(tiers.tests.ces).toMatchObject({ difference: null, pValue: null, significant: false })
  })

  it('compares the range with the previous range of equal length', async () => {
    const survey = await publishedSurvey(host)
    // June (30 days) against 2–31 May: CSAT 6/10 against 5/10 → z 0.4495, p 0.6531 (significance.test.ts)
    await seedResponses(host, [
      ...Array.from({ length: 10 }, (_, i) => ({ surveyId: survey.id, csat: i < 6 ? 5 : 3, at: `2026-06-${String(10 + i).padStart(2, '0')}T10:00:00.000Z` })),
      ...Array.from({ length: 10 }, (_, i) => ({ surveyId: survey.id, csat: i < 5 ? 4 : 2, at: `2026-05-${String(2 + i).padStart(2, '0')}T10:00:00.000Z` })),
      { surveyId: survey.id, csat: 5, at: '2026-05-01T10:00:00.000Z' }, // the day before the previous range: outside both
    ])
    const body = await analytics(host, '/analytics/compare?against=previous&from=2026-06-01&to=2026-06-30')
    expect(body.a).toMatchObject({ from: '2026-06-01', to: '2026-06-30', csat: { responses: 10, topBox: 6 } })
    expect(body.b).toMatchObject({ from: '2026-05-02', to: '2026-05-31', csat: { responses: 10, topBox: 5 } })
    expect(body.tests.csat).toEqual({ method: 'two-proportion', difference: 0.1, z: 0.4495, pValue: 0.6531, significant: false, smallSample: true })
    expect(body.tests.nps).toMatchObject({ difference: null, significant: false })
  })

  it('refuses a comparison of groups without the groups, and a field grouping without the field', async () => {
    for (const path of ['/analytics/compare?against=group&by=channel&a=link', '/analytics/breakdown?by=field', '/analytics/compare?against=sideways']) {
      const res = await host.as('analyst').get(`${base}${path}`)
      expect(res.status, path).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('REQUEST_INVALID')
    }
  })
})

import { createTestApp, json, type TestApp } from '@rapport/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../src/demo/seed-demo.js'
import { installedPlugins } from '../src/installed-plugins.js'

const DAY_MS = 86_400_000
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

// The first start's demo runs on the embedded SQLite database (`rapport start`'s default), so this
// suite checks that one; a smaller shop than the real demo (150 customers instead of 2,000) with
// the same two years and the same plugins, so it stays a test rather than a benchmark.
describe.each(['sqlite'] as const)('a fresh demo with every built-in plugin on %s', (dialect) => {
  let t: TestApp
  let end: number
  beforeAll(async () => {
    t = await createTestApp(dialect, { plugins: installedPlugins })
    end = Date.parse(day(t.services.now().getTime()))
    await seedDemo(t.services, { customers: 150, fetch: t.app.fetch })
  }, 600_000)
  afterAll(async () => { await t.close() })

  it('has members who joined over the two years, most before the last month', async () => {
    const joined: string[] = []
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = await json(await t.request('GET', `/api/p/points-membership/members?limit=100${cursor ? `&cursor=${cursor}` : ''}`))
      joined.push(...page.items.map((m: { joinedAt: string }) => m.joinedAt))
      cursor = page.nextCursor ?? null
    }
    expect(joined.length).toBeGreaterThan(100)
    const lastMonth = new Date(end - 30 * DAY_MS).toISOString()
    expect(joined.filter((at) => at < lastMonth).length / joined.length).toBeGreaterThan(0.8)
    expect(joined.some((at) => at < new Date(end - 365 * DAY_MS).toISOString())).toBe(true)
  })

  it('has an NPS value for most of the 24 months', async () => {
    const nps = await json(await t.request('GET', `/api/p/satisfaction-survey/analytics/nps?bucket=month&from=${day(end - 730 * DAY_MS)}&to=${day(end - DAY_MS)}`))
    const months = nps.trend.filter((b: { nps: number | null }) => b.nps !== null)
    expect(nps.trend.length).toBeGreaterThanOrEqual(24)
    expect(months.length).toBeGreaterThanOrEqual(18)
    expect(nps.overall.promoters).toBeGreaterThan(0)
    expect(nps.overall.detractors).toBeGreaterThan(0)
    const scores = await json(await t.request('GET', `/api/p/satisfaction-survey/analytics/scores?from=${day(end - 730 * DAY_MS)}&to=${day(end - DAY_MS)}`))
    expect(scores.csat.responses).toBeGreaterThan(0)
    expect(scores.ces.responses).toBeGreaterThan(0)
  })

  it('answers in zh-CN and in English', async () => {
    const { items } = await json(await t.request('GET', '/api/p/satisfaction-survey/responses?limit=200'))
    const texts = items.map((r: { answers: Record<string, unknown> }) => String(r.answers.reason ?? r.answers.comment ?? ''))
    expect(texts.some((x: string) => /[\u4e00-\u9fff]/.test(x))).toBe(true)
    expect(texts.some((x: string) => /^[A-Z][a-z]/.test(x))).toBe(true)
  })

  it('has complaint cases in every state, reopened ones, SLA targets met and missed, and follow-up visits', async () => {
    for (const status of ['new', 'open', 'pending_customer', 'pending_third_party', 'resolved', 'closed']) {
      const { items } = await json(await t.request('GET', `/api/p/complaint-tracking/cases?status=${status}&limit=100`))
      expect(items.length, status).toBeGreaterThan(0)
    }
    const cases: Array<{ reopenCount: number; createdAt: string }> = []
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = await json(await t.request('GET', `/api/p/complaint-tracking/cases?limit=100${cursor ? `&cursor=${cursor}` : ''}`))
      cases.push(...page.items)
      cursor = page.nextCursor ?? null
    }
    expect(cases.some((c) => c.reopenCount > 0)).toBe(true)
    expect(cases.some((c) => c.createdAt < new Date(end - 365 * DAY_MS).toISOString())).toBe(true)
    const analytics = await json(await t.request('GET', `/api/p/complaint-tracking/analytics?from=${day(end - 365 * DAY_MS)}&to=${day(end)}`))
    const first = analytics.slaHitRate.find((r: { target: string }) => r.target === 'firstResponse')
    expect(first.total).toBeGreaterThan(first.met)
    expect(first.met).toBeGreaterThan(0)
    const visits = await json(await t.request('GET', '/api/p/complaint-tracking/follow-ups?status=done&limit=100'))
    expect(visits.items.length).toBeGreaterThan(0)
  })

  it('has redemptions, used vouchers among them', async () => {
    const { items } = await json(await t.request('GET', '/api/p/points-membership/vouchers?limit=100'))
    expect(items.length).toBeGreaterThan(0)
    expect(items.some((v: { status: string }) => v.status === 'used')).toBe(true)
  })

  it('shows tier movements over the last 12 months, customers who stayed as well as movers', async () => {
    const migration = await json(await t.request('GET', `/api/p/tiering/analytics/migration?from=${day(end - 365 * DAY_MS)}&to=${day(end)}&of=tier`))
    expect(migration.moved).toBeGreaterThan(0)
    expect(migration.stayed).toBeGreaterThan(0)
  })
})

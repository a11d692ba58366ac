/**
 * Issue 20's contract, checked on the product's plugins: importing 24 months of orders leaves the
 * same state as living through those 24 months. With every built-in plugin enabled and the fake
 * clock, one host lives the history (each order sent alone through POST /api/v1/events at its own
 * time, the scheduled jobs run at their slots between), another imports it (POST /api/v1/imports/orders,
 * batched by the host with the jobs replayed as of their slots). Profiles, explanations and every
 * plugin table must be equal bit for bit. Left out, by nature per run: generated ids (customers are
 * named by external id, events by idempotency key, other ids become `<id>`) and core's bookkeeping
 * tables (the log's recordedAt, job runs, audit, sessions), which are not compared.
 * While the live host runs, no plugin code may read the wall clock inside an event or a job.
 * SQLite plays 24 months with the plugins' shipped config. PGlite and PostgreSQL, where every
 * statement is a round trip and the nightly jobs cost most of the time, play the same kind of shop
 * four times faster: six months, with every plugin window of days a quarter as long, so the history
 * still crosses lots' expiry, full RFM windows, at-risk and hibernating customers and the nightly jobs.
 */
import { compareHosts, createTestHost, dialects, replayHistory, watchWallClock, type History, type StateDifference, type TestHost, type WallClockWatch } from '@rapport/plugin-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installedPlugins } from '../src/installed-plugins.js'

const DAY_MS = 86_400_000

/** A small PRNG, so the history is the same on every run and dialect. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * `count` customers over `days` days: regulars, occasional buyers, some who stop and some who come
 * back. `pace` shortens every stretch of the shop's time (gaps between orders, when customers stop
 * and come back): 0.25 plays in 6 months what 1 plays in 24.
 */
function shopHistory(end: string, count: number, days: number, pace = 1): History {
  const random = mulberry32(20)
  const endMs = Date.parse(end)
  const startMs = endMs - days * DAY_MS
  const customers: Array<History['customers'][number]> = []
  const orders: Array<History['orders'][number]> = []
  for (let i = 1; i <= count; i++) {
    const externalId = `shop-${String(i).padStart(2, '0')}`
    const birthday = i % 3 === 0 ? `19${70 + (i % 25)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}` : undefined
    customers.push({ externalId, name: `Customer ${i}`, ...(birthday ? { birthday } : {}) })
    const gapDays = (7 + Math.floor(random() * 80)) * pace
    const stopsAt = i % 5 === 0 ? startMs + (200 + random() * 300) * pace * DAY_MS : endMs
    const returnsAt = i % 10 === 0 ? stopsAt + 150 * pace * DAY_MS : Number.POSITIVE_INFINITY
    for (let at = startMs + random() * 60 * pace * DAY_MS, n = 0; at < endMs - DAY_MS; at += (0.5 + random()) * gapDays * DAY_MS) {
      if (at > stopsAt && at < returnsAt) continue
      n += 1
      const occurredAt = new Date(Math.floor(at / 1000) * 1000).toISOString()
      orders.push({ orderId: `${externalId}-${n}`, customerExternalId: externalId, amountMinor: 1_000 + Math.floor(random() * 150_000), currency: 'CNY', occurredAt })
    }
  }
  return { customers, orders, start: new Date(startMs - DAY_MS).toISOString(), end }
}

const NAMESPACES = installedPlugins.map((p) => p.namespace)

/** Each plugin's windows of days a quarter of the shipped ones (365 → 91, 90 → 23, ...), for a history played at pace 0.25. */
const QUARTER_WINDOWS = {
  'points-membership': { expiryDays: 91, expiringSoonDays: 8, expiryNoticeDays: 4, returnWindowDays: 2 },
  tiering: { windowDays: 91, recency: { minGapDays: 2, atRiskAfterDays: 23, hibernatingAfterDays: 45 } },
  'churn-risk': { downgradeWindowDays: 23, periodDays: 23, rhythm: { priorGapDays: 8 } },
}

/** What each dialect plays: customers, days, pace and config. */
const PLAYS = {
  // The whole 24 months with the shipped config: lots expire at 12 months, customers stop and return.
  sqlite: { customers: 30, days: 730, pace: 1, config: {} },
  // PGlite took over 9 minutes of CPU for 24 months with 10 customers, most of it in the nightly jobs.
  pglite: { customers: 6, days: 183, pace: 0.25, config: QUARTER_WINDOWS },
  postgres: { customers: 6, days: 183, pace: 0.25, config: QUARTER_WINDOWS },
} as const

describe.each(dialects)('months of history lived and imported on %s', (dialect) => {
  let live: TestHost
  let imported: TestHost
  let watch: WallClockWatch
  let differences: StateDifference[]
  let orders = 0
  let expired = 0
  const recency: string[] = []
  beforeAll(async () => {
    const play = PLAYS[dialect]
    live = await createTestHost({ plugins: installedPlugins, dialect, config: play.config })
    imported = await createTestHost({ plugins: installedPlugins, dialect, config: play.config })
    const history = shopHistory(live.now().toISOString(), play.customers, play.days, play.pace)
    orders = history.orders.length
    watch = watchWallClock((frame) => /[/\\]plugins[/\\][^/\\]+[/\\]server[/\\]/.test(frame))
    try {
      await replayHistory(live, history, 'live')
    } finally {
      watch.stop()
    }
    await replayHistory(imported, history, 'import')
    differences = await compareHosts(live, imported, { maxPerArea: 3 })
    expired = (await live.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM points_ledger WHERE kind = 'expire'"))!.n
    const customers = await live.db.all<{ id: string }>('SELECT id FROM core_customers')
    for (const { id } of customers) recency.push(String((await live.profile(id))['tiering.recencyStatus']))
    // Two hosts live through every job slot of the history: minutes, much longer on a loaded machine.
  }, 2_400_000)
  afterAll(async () => { await Promise.all([live?.close(), imported?.close()]) })

  it('plays a real history: hundreds of orders for every customer kind', () => {
    expect(orders).toBeGreaterThan(dialect === 'sqlite' ? 300 : 60)
  })

  it('lives past lots expiring and customers falling away', () => {
    expect(Number(expired)).toBeGreaterThan(0)
    expect(recency).toContain('hibernating')
  })

  it.each(NAMESPACES)('%s: the same profiles, explanations and records', (namespace) => {
    expect(differences.filter((d) => d.namespace === namespace)).toEqual([])
  })

  it('compares nothing outside the plugins but the profiles core keeps for them', () => {
    expect(differences.filter((d) => !NAMESPACES.includes(d.namespace))).toEqual([])
  })

  it('no plugin reads the wall clock while it handles an event or runs a job', () => {
    expect(watch.reads.map((r) => `${r.call} at ${r.at}`)).toEqual([])
  })
})

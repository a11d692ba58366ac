/**
 * History on its own dates (issue 20): orders ingested with a past `occurredAt` make the member
 * join then, and their lots become available and expire counted from then; the expiry job dates
 * its entries at the lots' expiry, so the earn/burn report shows expiry in the months it happened.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, member } from './points-client.js'

type Lot = { orderId: string; points: number; remaining: number; availableAt: string; expiresAt: string; state: string }
type Entry = { kind: string; delta: number; occurredAt: string }

describe.each(dialects)('points history at event time on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect })
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  /** Ingests orders of 100 points each through the events API, as an import of past orders does. */
  async function ingest(externalId: string, orders: Array<[orderId: string, occurredAt: string]>): Promise<string> {
    const events = orders.map(([orderId, occurredAt]) => ({
      id: `ev-${orderId}`, type: 'order.completed', customerExternalId: externalId, orderId, amountMinor: 10_000, currency: 'CNY', occurredAt,
    }))
    const res = await host.http.post('/api/v1/events', { events })
    expect(res.status).toBe(200)
    const customers = await host.json(await host.http.get(`/api/v1/customers?limit=100`))
    return (customers.items as Array<{ id: string; externalId: string }>).find((c) => c.externalId === externalId)!.id
  }

  it('makes the member join at the first order and counts availability and expiry from each order', async () => {
    // The host clock stands at 2026-06-01; these orders happened a year and more before it.
    const id = await ingest('HIST-1', [['h1', '2025-03-10T09:00:00.000Z'], ['h2', '2025-05-20T10:00:00.000Z']])
    const m = await member(host, id)
    expect(m.joinedAt).toBe('2025-03-10T09:00:00.000Z')
    expect((await host.profile(id))['points.memberSince']).toBe('2025-03-10T09:00:00.000Z')
    const lots = [...(m.lots as Lot[])].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))
    expect(lots.map((l) => [l.orderId, l.availableAt, l.expiresAt])).toEqual([
      ['h1', '2025-03-17T09:00:00.000Z', '2026-03-10T09:00:00.000Z'],
      ['h2', '2025-05-27T10:00:00.000Z', '2026-05-20T10:00:00.000Z'],
    ])
    expect((m.entries as Entry[]).map((e) => [e.kind, e.occurredAt]).sort()).toEqual([
      ['earn', '2025-03-10T09:00:00.000Z'], ['earn', '2025-05-20T10:00:00.000Z'],
    ])
  })

  it('moves the join date back when an earlier order arrives after a later one', async () => {
    const id = await ingest('HIST-2', [['l1', '2026-05-01T08:00:00.000Z']])
    expect((await member(host, id)).joinedAt).toBe('2026-05-01T08:00:00.000Z')
    await ingest('HIST-2', [['l0', '2025-12-01T08:00:00.000Z']])
    expect((await member(host, id)).joinedAt).toBe('2025-12-01T08:00:00.000Z')
    expect((await host.profile(id))['points.memberSince']).toBe('2025-12-01T08:00:00.000Z')
  })

  it('dates expiry entries at the lots’ expiry, and the earn/burn report shows them in those months', async () => {
    const id = await ingest('HIST-3', [['x1', '2025-03-10T09:00:00.000Z'], ['x2', '2025-05-20T10:00:00.000Z'], ['x3', '2026-05-01T10:00:00.000Z']])
    await host.runJob('points-membership:expire-points')
    const m = await member(host, id)
    expect(m.balance).toBe(100)
    const expired = (m.entries as Entry[]).filter((e) => e.kind === 'expire').map((e) => [e.occurredAt, e.delta]).sort()
    expect(expired).toEqual([['2026-03-10T09:00:00.000Z', -100], ['2026-05-20T10:00:00.000Z', -100]])
    const report = await host.json(await host.http.get(`${base}/reports/earn-burn?bucket=month&from=2025-01-01T00:00:00.000Z&to=2026-07-01T00:00:00.000Z`))
    const byMonth = Object.fromEntries((report.rows as Array<{ period: string; earned: number; expired: number }>).map((r) => [r.period, [r.earned, r.expired]]))
    expect(byMonth).toEqual({ '2025-03': [100, 0], '2025-05': [100, 0], '2026-03': [0, 100], '2026-05': [100, 100] })
    // A second run as of the same time finds nothing left to expire.
    await host.runJob('points-membership:expire-points')
    expect((await member(host, id)).entries.filter((e: Entry) => e.kind === 'expire')).toHaveLength(2)
  })

  it('expires as of the run’s time: a lot whose expiry is still ahead stays', async () => {
    const id = await ingest('HIST-4', [['y1', '2025-06-02T08:00:00.000Z']])
    // Expires 2026-06-02T08:00Z, a day after the host clock: the run as of now leaves it.
    await host.runJob('points-membership:expire-points')
    const m = await member(host, id)
    expect(m.balance).toBe(100)
    expect((m.entries as Entry[]).some((e) => e.kind === 'expire')).toBe(false)
  })
})

/**
 * A credit's ledger entry stores only what nothing else holds (issue 19, storage per order): its
 * lot's id and times and the debt it repaid come back from the lot and the entry's own columns,
 * so the API shows the same details as when they were stored. Migration 0004 strips them from
 * entries written before, only where the lot and the entry agree with them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { migration0004 } from '../server/migration-0004.js'
import { adjust, member, order, refund, spend, travel, DAY } from './points-client.js'

describe.each(dialects)('credit details on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect })
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const stored = async (entryId: string) => JSON.parse((await host.db.get<{ details: string }>('SELECT details FROM points_ledger WHERE id = ?', [entryId]))!.details)
  const setStored = (entryId: string, details: unknown) => host.db.run('UPDATE points_ledger SET details = ? WHERE id = ?', [JSON.stringify(details), entryId])
  const migrate = async () => { for (const sql of migration0004[host.db.dialect === 'sqlite' ? 'sqlite' : 'pg']) await host.db.run(sql) }

  it("shows an earn's lot, repaid debt and times without storing them", async () => {
    const id = await host.customer()
    const orderId = await order(host, id, 12_900)
    const m = await member(host, id)
    const [lot] = m.lots
    const [entry] = m.entries
    expect(entry.details).toEqual({
      lines: [expect.objectContaining({ rule: 'base', points: 129 })], eventId: expect.any(String),
      lotId: lot.id, debtRepaid: 0, availableAt: lot.availableAt, expiresAt: lot.expiresAt,
    })
    expect(lot.orderId).toBe(orderId)
    expect(await stored(entry.entryId)).toEqual({ lines: entry.details.lines, eventId: entry.details.eventId })
  })

  it('shows the debt a credit repaid, and a positive adjustment like an earn', async () => {
    const id = await host.customer()
    const orderId = await order(host, id, 10_000)
    await travel(host, 8 * DAY)
    expect((await spend(host, id, 100, 'all')).status).toBe(201)
    await refund(host, id, orderId, 10_000)
    expect((await member(host, id)).debt).toBe(100)
    const res = await adjust(host, id, 150, 'goodwill')
    expect(res.status).toBe(201)
    const { entry } = await host.json(res)
    const m = await member(host, id)
    const lot = m.lots.find((l: { id: string }) => l.id === entry.details.lotId)
    const expected = { lotId: lot.id, debtRepaid: 100, availableAt: lot.availableAt, expiresAt: lot.expiresAt }
    expect(entry.details).toEqual(expected)
    expect(m.entries.find((e: { entryId: string }) => e.entryId === entry.entryId).details).toEqual(expected)
    expect(await stored(entry.entryId)).toEqual({})
  })

  it('migration 0004 strips what entries written before stored twice, and keeps what does not match', async () => {
    const [a, b] = [await host.customer(), await host.customer()]
    await order(host, a, 5_000)
    await order(host, b, 7_000)
    const [before] = (await member(host, a)).entries
    const [other] = (await member(host, b)).entries
    // As the earlier code stored them: everything in details (b's lot named otherwise, as before the shared id).
    await setStored(before.entryId, before.details)
    const foreign = { ...other.details, lotId: 'plot_named_otherwise' }
    await setStored(other.entryId, foreign)
    await migrate()
    expect(await stored(before.entryId)).toEqual({ lines: before.details.lines, eventId: before.details.eventId })
    expect((await member(host, a)).entries[0].details).toEqual(before.details)
    expect(await stored(other.entryId)).toEqual(foreign)
    expect((await member(host, b)).entries[0].details).toEqual(foreign)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { adjust, base, DAY, memberWith, order, travel } from './points-client.js'

type Page<T> = { items: T[]; nextCursor: string | null }
type Summary = { customerId: string; memberNo: string; status: string; balance: number; lifetimeEarned: number; expiringSoon: number; debt: number; joinedAt: string }
type VoucherRow = { code: string; customerId: string; memberNo: string | null; rewardId: string; status: string; rewardName: string | null; costPoints: number | null }

describe.each(dialects)('the member and voucher lists the admin pages read, on %s', (dialect) => {
  let host: TestHost
  let ids: string[]
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect, config: { 'points-membership': { expiryDays: 20, expiringSoonDays: 30, returnWindowDays: 0 } } })
    ids = []
    for (const points of [100, 200, 300, 400, 500]) ids.push(await memberWith(host, points))
    await host.http.patch(`${base}/members/${ids[1]}`, { status: 'suspended' })
    // An order 2 days later expires within the horizon like the adjustments; lifetime counts both.
    await travel(host, 2 * DAY)
    await order(host, ids[4]!, 10_000)
  }, 60_000)
  afterAll(() => host.close())

  const list = async (query: string): Promise<Page<Summary>> => {
    const res = await host.as('analyst').get(`${base}/members${query}`)
    expect(res.status, await res.clone().text()).toBe(200)
    return host.json(res)
  }

  it('lists members newest first with balance, lifetime earned and what expires soon', async () => {
    const page = await list('')
    expect(page.items.map((m) => m.customerId)).toEqual([...ids].reverse())
    expect(page.nextCursor).toBeNull()
    const newest = page.items[0]!
    expect(newest).toMatchObject({ balance: 600, lifetimeEarned: 600, expiringSoon: 600, status: 'active', debt: 0 })
    expect(newest.memberNo).toMatch(/^P\d{8}$/)
  })

  it('pages with the cursor, without gaps or repeats', async () => {
    const first = await list('?limit=2')
    expect(first.items).toHaveLength(2)
    const second = await list(`?limit=2&cursor=${first.nextCursor}`)
    const third = await list(`?limit=2&cursor=${second.nextCursor}`)
    expect(third.nextCursor).toBeNull()
    expect([...first.items, ...second.items, ...third.items].map((m) => m.customerId)).toEqual([...ids].reverse())
  })

  it('finds by member number start (any case), customer id or a set of customers, and by status', async () => {
    const all = (await list('')).items
    const target = all.find((m) => m.customerId === ids[2])!
    expect((await list(`?q=${target.memberNo.toLowerCase()}`)).items.map((m) => m.customerId)).toEqual([ids[2]])
    expect((await list(`?q=${ids[3]}`)).items.map((m) => m.customerId)).toEqual([ids[3]])
    expect((await list(`?customerId=${ids[0]}&customerId=${ids[3]}`)).items.map((m) => m.customerId)).toEqual([ids[3], ids[0]])
    expect((await list(`?q=${target.memberNo}&customerId=${ids[0]}`)).items.map((m) => m.customerId)).toEqual([ids[2], ids[0]])
    expect((await list('?status=suspended')).items.map((m) => m.customerId)).toEqual([ids[1]])
    expect((await list('?q=P%25')).items).toEqual([])
  })

  it('refuses a bad cursor, status or limit with REQUEST_INVALID', async () => {
    for (const query of ['?cursor=abc', '?status=gone', '?limit=0', '?limit=101', '?unknown=1']) {
      const res = await host.as('analyst').get(`${base}/members${query}`)
      expect(res.status, query).toBe(400)
      expect((await host.json(res)).error.code).toBe('REQUEST_INVALID')
    }
  })

  it('lists vouchers newest first with the reward, filters them, and pages', async () => {
    await host.http.post(`${base}/rewards`, { id: 'cup', name: 'Tea cup', costPoints: 10 })
    await host.http.post(`${base}/rewards`, { id: 'bag', name: 'Tote bag', costPoints: 20 })
    const r1 = await host.json(await host.http.post(`${base}/members/${ids[4]}/redemptions`, { rewardId: 'cup', quantity: 2, idempotencyKey: 'v1' }))
    await travel(host, 1000)
    const r2 = await host.json(await host.http.post(`${base}/members/${ids[3]}/redemptions`, { rewardId: 'bag', idempotencyKey: 'v2' }))
    await host.http.post(`${base}/voucher-voids`, { code: r1.vouchers[0].code, reason: 'asked by the customer' })
    const res = await host.as('analyst').get(`${base}/vouchers`)
    expect(res.status).toBe(200)
    const page: Page<VoucherRow> = await host.json(res)
    expect(page.items).toHaveLength(3)
    expect(page.items[0]).toMatchObject({ code: r2.vouchers[0].code, customerId: ids[3], rewardId: 'bag', rewardName: 'Tote bag', costPoints: 20, status: 'issued' })
    expect(page.items[0]!.memberNo).toMatch(/^P\d{8}$/)
    const voided: Page<VoucherRow> = await host.json(await host.as('analyst').get(`${base}/vouchers?status=void`))
    expect(voided.items.map((v) => v.code)).toEqual([r1.vouchers[0].code])
    const mine: Page<VoucherRow> = await host.json(await host.as('analyst').get(`${base}/vouchers?customerId=${ids[4]}`))
    expect(mine.items.map((v) => v.code).sort()).toEqual(r1.vouchers.map((v: { code: string }) => v.code).sort())
    const first: Page<VoucherRow> = await host.json(await host.as('analyst').get(`${base}/vouchers?limit=2`))
    const rest: Page<VoucherRow> = await host.json(await host.as('analyst').get(`${base}/vouchers?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`))
    expect([...first.items, ...rest.items].map((v) => v.code)).toEqual(page.items.map((v) => v.code))
    expect(rest.nextCursor).toBeNull()
    expect((await host.as('analyst').get(`${base}/vouchers?cursor=nope`)).status).toBe(400)
  })

  it('lets staff and read keys list, and nobody else', async () => {
    const readKey = await host.apiKey(['customers:read'])
    const writeKey = await host.apiKey(['customers:write'])
    for (const path of ['/members', '/vouchers']) {
      for (const who of ['analyst', 'agent', 'admin', 'owner'] as const) expect((await host.as(who).get(`${base}${path}`)).status, `${who} ${path}`).toBe(200)
      expect((await host.as({ apiKey: readKey }).get(`${base}${path}`)).status).toBe(200)
      expect((await host.as({ apiKey: writeKey }).get(`${base}${path}`)).status).toBe(403)
      expect((await host.as('anonymous').get(`${base}${path}`)).status).toBe(401)
    }
  })

  it('shows a debit by adjustment in the list at once', async () => {
    await adjust(host, ids[0]!, -40, 'correction of a typo')
    const row = (await list(`?q=${ids[0]}`)).items[0]!
    expect(row.balance).toBe(60)
  })
})

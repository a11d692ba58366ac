/**
 * The birthday bonus on the business's calendar, from the customer record, with a coupon:
 * a run at 00:40 in Shanghai (still the day before in UTC) celebrates those born on the Shanghai day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, DAY, member, travel } from './points-client.js'

const config = { birthdayBonus: { points: 200, when: 'day', rewardId: 'birthday-cake' } }

describe.each(dialects)('the birthday bonus on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [pointsMembership], dialect, config: { 'points-membership': config } })
    await host.http.post(`${base}/rewards`, { id: 'birthday-cake', name: 'Birthday cake', costPoints: 500, kind: 'gift', value: { type: 'product', sku: 'CAKE-1', productName: 'Cake' } })
  }, 60_000)
  afterAll(() => host.close())

  const enrolled = async (birthday: string) => {
    const id = await host.customer({ birthday })
    await host.http.post(`${base}/members`, { customerId: id })
    return id
  }
  const birthdayEntries = async (id: string) =>
    ((await member(host, id)).entries as Array<{ points: number; details: { bonusFor?: string; year?: number } }>).filter((e) => e.details.bonusFor === 'birthday')
  const coupons = async (id: string) => (await host.json(await host.http.get(`${base}/vouchers?customerId=${id}`))).items

  it('credits points and a coupon on the business day of the birthday, once a year, in that business year', async () => {
    expect((await host.json(await host.http.get('/api/health'))).timeZone).toBe('Asia/Shanghai')
    // The next 16:40 UTC: 00:40 of the next day in Shanghai, while UTC is still on the day before.
    const now = host.now().getTime()
    let run = Date.UTC(host.now().getUTCFullYear(), host.now().getUTCMonth(), host.now().getUTCDate(), 16, 40)
    if (run <= now) run += DAY
    const utcDay = new Date(run).toISOString().slice(0, 10)
    const businessDay = new Date(run + DAY).toISOString().slice(0, 10)
    const born = await enrolled(`1990-${businessDay.slice(5)}`)
    const bornUtcDay = await enrolled(`1990-${utcDay.slice(5)}`)
    await travel(host, run - now)
    await host.runJob('points-membership:birthday-bonus')
    await host.runJob('points-membership:birthday-bonus')
    expect(await birthdayEntries(born)).toEqual([expect.objectContaining({ points: 200, details: expect.objectContaining({ year: Number(businessDay.slice(0, 4)) }) })])
    expect(await coupons(born)).toEqual([expect.objectContaining({ rewardId: 'birthday-cake', status: 'issued', rewardName: 'Birthday cake' })])
    expect((await member(host, born)).balance).toBe(200) // the coupon costs no points
    expect(await birthdayEntries(bornUtcDay)).toEqual([])
    expect(await coupons(bornUtcDay)).toEqual([])
    // One greeting, in the same run as the gift (the second run sends nothing new), nothing for the other.
    const greetings = async (id: string) => (await host.json(await host.http.get(`/api/v1/messages?customerId=${id}`))).items.filter((m: { template: string }) => m.template === 'points.birthday')
    expect(await greetings(born)).toHaveLength(1)
    expect(await greetings(bornUtcDay)).toEqual([])
  })
})

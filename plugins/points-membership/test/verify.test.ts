import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { base, daysAgo, memberWith, order, refund, spend } from './points-client.js'

describe.each(dialects)('rapport points verify on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [pointsMembership], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  /** Members with earns, spends, refunds into debt and adjustments: a sound ledger. */
  async function busyLedger(): Promise<[string, string]> {
    const a = await memberWith(host, 500)
    expect((await spend(host, a, 120, 'k1')).status).toBe(201)
    const b = await host.customer()
    const o = await order(host, b, 10_000, {}, daysAgo(host, 8))
    expect((await spend(host, b, 80, 'k2')).status).toBe(201)
    await refund(host, b, o, 10_000)
    return [a, b]
  }

  it('reports every member sound, with the totals, and exits 0', async () => {
    await busyLedger()
    const { exitCode, output } = await host.runCommand('points', 'verify')
    expect(exitCode).toBe(0)
    expect(output).toEqual(['points verify: 2 member(s), outstanding balance 300, debt 80: all sound'])
    expect(await host.json(await host.http.get(`${base}/verify`))).toMatchObject({ ok: true, members: 2, balance: 300, debt: 80, mismatches: [] })
  })

  it('names each broken member and what disagrees, and exits 1', async () => {
    const [a, b] = await busyLedger()
    // Corruption no route can cause: a lot changed behind the ledger's back, and a lifetime total off.
    await host.db.run('UPDATE points_lots SET remaining = remaining - 7 WHERE customer_id = ?', [a])
    await host.db.run('UPDATE points_members SET lifetime_earned = lifetime_earned + 1 WHERE customer_id = ?', [b])
    const { exitCode, output } = await host.runCommand('points-membership', 'verify')
    expect(exitCode).toBe(1)
    expect(output[0]).toContain('2 broken')
    expect(output).toContainEqual(`BROKEN ${a}: balance 380 ≠ lot remainders 373 − debt 0`)
    expect(output).toContainEqual(`BROKEN ${b}: lifetime earned 1 ≠ ledger credits 0`)
    const report = await host.json(await host.http.get(`${base}/verify`))
    expect(report.ok).toBe(false)
    expect(report.mismatches.map((m: { customerId: string }) => m.customerId).sort()).toEqual([a, b].sort())
  })

  it('answers a coded error for an unknown command or plugin', async () => {
    await expect(host.runCommand('points', 'nope')).rejects.toMatchObject({ code: 'PLUGIN_COMMAND_NOT_FOUND' })
    await expect(host.runCommand('nobody', 'verify')).rejects.toMatchObject({ code: 'PLUGIN_NOT_FOUND' })
  })
})

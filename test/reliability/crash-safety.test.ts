/**
 * Crash safety: a real `rapport start` process on a SQLite file, under concurrent orders (events
 * API, API key), survey responses (customer links) and points redemptions, is killed with SIGKILL
 * at random moments and started again on the same file. After each restart every write that had
 * been acknowledged with a 2xx is there (a repeat of an order is a duplicate, a repeat of a
 * redemption answers `repeated`, a completed response can be read). At the end every order ever
 * attempted is retried until stored, as a client would, and then each is applied exactly once:
 * one event per order, each customer's `tiering.orders` equal to their orders, unique ledger keys,
 * and `rapport points verify` passes.
 *
 * CI runs 3 kills; RAPPORT_SOAK=1 runs 25.
 */
import { openDatabase } from '@rapport/db'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, startServerProcess, tempEnv, type ServerProcess } from '../support/rapport-process.js'
import { addInvitations, missingAcknowledged, newLedger, OWNER, retryAllOrders, runLoad, setUpShop } from '../support/shop-load.js'

const SOAK = process.env.RAPPORT_SOAK === '1'
const KILLS = SOAK ? 25 : 3

describe('a server killed with SIGKILL under load', () => {
  const env = tempEnv()
  let server: ServerProcess | undefined
  afterAll(async () => { await server?.kill() })

  it(`keeps every acknowledged write and applies nothing twice over ${KILLS} kills`, async () => {
    expect((await runCli(['create-admin', '--email', OWNER.email, '--name', 'Owner', '--role', 'owner'], { ...env, RAPPORT_ADMIN_PASSWORD: OWNER.password })).code).toBe(0)
    server = await startServerProcess(env)
    const shop = await setUpShop(server.url, { customers: 6, invitations: 25 * KILLS })
    const ledger = newLedger()
    let verified = 0
    for (let kill = 0; kill < KILLS; kill++) {
      let stopped = false
      const load = runLoad(server.url, shop, ledger, { workers: 6, stop: () => stopped })
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 900))
      await server.kill('SIGKILL')
      stopped = true
      await load
      server = await startServerProcess(env)
      const missing = await missingAcknowledged(server.url, shop, ledger)
      expect(missing, `after kill ${kill + 1}`).toEqual([])
      verified = [...ledger.orders.values(), ...ledger.responses.values(), ...ledger.redemptions.values()].filter((w) => w.acked).length
      if (shop.invitations.length < 15) await addInvitations(server.url, shop, 30)
    }
    await retryAllOrders(server.url, shop, ledger)
    await server.kill('SIGTERM')
    server = undefined

    const verify = await runCli(['points', 'verify'], env)
    expect(verify.code, verify.stdout + verify.stderr).toBe(0)
    expect(verify.stdout).toMatch(/all sound/)

    const db = await openDatabase(env.DATABASE_URL)
    try {
      const perCustomer = new Map<string, number>()
      for (const o of ledger.orders.values()) perCustomer.set(o.externalId, (perCustomer.get(o.externalId) ?? 0) + 1)
      const events = await db.get<{ n: number; keys: number }>("SELECT COUNT(*) AS n, COUNT(DISTINCT idempotency_key) AS keys FROM core_events WHERE type = 'order.completed'")
      expect(events).toEqual({ n: ledger.orders.size, keys: ledger.orders.size })
      const counters = await db.all<{ external_id: string; n: number }>(
        "SELECT c.external_id, v.num_value AS n FROM core_profile_values v JOIN core_customers c ON c.id = v.customer_id WHERE v.field = 'tiering.orders'")
      expect(Object.fromEntries(counters.map((c) => [c.external_id, c.n]))).toEqual(Object.fromEntries(perCustomer))
      const ledgerKeys = await db.get<{ n: number; keys: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT idempotency_key) AS keys FROM points_ledger')
      expect(ledgerKeys!.n).toBe(ledgerKeys!.keys)
      expect(await db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' })
    } finally {
      await db.close()
    }
    const acked = (m: Map<string, { acked: boolean }>) => [...m.values()].filter((w) => w.acked).length
    console.info(`crash safety: ${KILLS} kills survived; ${verified} acknowledged writes verified after the last kill (orders ${ledger.orders.size} attempted, responses ${acked(ledger.responses)}/${ledger.responses.size} and redemptions ${acked(ledger.redemptions)}/${ledger.redemptions.size} acknowledged)`)
    expect(verified).toBeGreaterThan(0)
  }, SOAK ? 3_600_000 : 180_000)
})

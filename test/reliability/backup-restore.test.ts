/**
 * `rapport backup FILE` and `rapport restore FILE` round trip under load: a server takes orders,
 * survey responses and redemptions while the backup runs; the backup is restored into a new
 * path and a server started on it has every write acknowledged before the backup started, and
 * the points invariant holds there. Restore refuses files that are not Rapport databases, a
 * target a live server runs on (unless --force) and an existing target without --force.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, startServerProcess, tempEnv, type ServerProcess } from '../support/rapport-process.js'
import { missingAcknowledged, newLedger, OWNER, runLoad, setUpShop, type Ledger } from '../support/shop-load.js'

/** Only the writes acknowledged before `moment`. */
function acknowledgedBefore(ledger: Ledger, snapshot: Ledger): Ledger {
  const keep = <V extends { acked: boolean }>(all: Map<string, V>, before: Map<string, V>) => new Map([...all].filter(([k]) => before.get(k)?.acked))
  return { orders: keep(ledger.orders, snapshot.orders), responses: keep(ledger.responses, snapshot.responses), redemptions: keep(ledger.redemptions, snapshot.redemptions) }
}

const copyLedger = (l: Ledger): Ledger => ({
  orders: new Map([...l.orders].map(([k, v]) => [k, { ...v }])),
  responses: new Map([...l.responses].map(([k, v]) => [k, { ...v }])),
  redemptions: new Map([...l.redemptions].map(([k, v]) => [k, { ...v }])),
})

describe('backup and restore', () => {
  const env = tempEnv()
  const servers: ServerProcess[] = []
  afterAll(async () => { for (const s of servers) await s.kill() })

  it('backs up while serving and restores into a new path with every write acknowledged before the backup', async () => {
    expect((await runCli(['create-admin', '--email', OWNER.email, '--name', 'Owner', '--role', 'owner'], { ...env, RAPPORT_ADMIN_PASSWORD: OWNER.password })).code).toBe(0)
    const server = await startServerProcess(env)
    servers.push(server)
    const shop = await setUpShop(server.url, { customers: 4, invitations: 40 })
    const ledger = newLedger()
    let stopped = false
    const load = runLoad(server.url, shop, ledger, { workers: 4, stop: () => stopped })
    await new Promise((r) => setTimeout(r, 700))
    const beforeBackup = copyLedger(ledger)
    const file = join(dirname(env.DATABASE_URL), 'backup.db')
    const backup = await runCli(['backup', file], env)
    await new Promise((r) => setTimeout(r, 300))
    stopped = true
    await load
    expect(backup.code, backup.stderr).toBe(0)
    expect(backup.stdout).toMatch(/Backed up/)

    const restoredEnv = tempEnv()
    const restore = await runCli(['restore', file], restoredEnv)
    expect(restore.code, restore.stderr).toBe(0)
    const restored = await startServerProcess(restoredEnv)
    servers.push(restored)
    const expected = acknowledgedBefore(ledger, beforeBackup)
    const count = expected.orders.size + expected.responses.size + expected.redemptions.size
    expect(count).toBeGreaterThan(0)
    expect(await missingAcknowledged(restored.url, shop, expected)).toEqual([])
    const verify = await fetch(`${restored.url}/api/p/points-membership/verify`, { headers: { cookie: shop.cookie } })
    expect(await verify.json()).toMatchObject({ ok: true, mismatches: [] })
    console.info(`backup and restore: ${count} writes acknowledged before the backup found in the restored copy (of ${[...ledger.orders.values(), ...ledger.responses.values(), ...ledger.redemptions.values()].filter((w) => w.acked).length} acknowledged in all)`)

    // Refusals: a live server on the target, an existing target, files that are not Rapport databases.
    const live = await runCli(['restore', file], restoredEnv)
    expect(live.code).toBe(1)
    expect(live.stderr).toMatch(/server \(pid \d+/)
    await restored.kill('SIGTERM')
    const exists = await runCli(['restore', file], restoredEnv)
    expect(exists.code).toBe(1)
    expect(exists.stderr).toMatch(/--force/)
    expect((await runCli(['restore', file, '--force'], restoredEnv)).code).toBe(0)
    const notSqlite = join(dirname(file), 'notes.txt')
    writeFileSync(notSqlite, 'not a database')
    expect((await runCli(['restore', notSqlite, '--force'], tempEnv())).stderr).toMatch(/not a SQLite database/)
    expect((await runCli(['backup', join(dirname(file), 'pg.db')], { ...env, DATABASE_URL: 'postgres://rapport@localhost/rapport' })).stderr).toMatch(/pg_dump/)
    expect(existsSync(join(dirname(file), 'pg.db'))).toBe(false)
  }, 180_000)
})

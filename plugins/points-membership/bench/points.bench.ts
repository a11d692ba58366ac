/**
 * Earn and redeem throughput over HTTP, as ratios to raw better-sqlite3 baselines measured in the
 * same run, on the same kind of server (@hono/node-server on 127.0.0.1, port 0, one process):
 * - baseline `insert`: the body inserted with one prepared statement (the core ingest bench's baseline);
 * - baseline `rmw`: a read-modify-write of a balance (select, update, insert a ledger row) in a
 *   transaction, with prepared statements: what a points write is at its rawest;
 * - `earn`: `POST /api/v1/events` with one `order.completed` per request, points-membership
 *   enabled (auto-enrol, earning rule, lot, ledger entry, `points.earned`, mirrored profile fields);
 * - `redeem`: `POST /api/p/points-membership/members/{id}/redemptions` of a 1-point reward with a
 *   fresh idempotency key (spend from lots, ledger entry, stock, voucher code, event, profile).
 * The points host runs on a SQLite file through `createTestHost`. autocannon (64 connections)
 * runs on the server's thread, as in the core bench. Order: warm-ups, baseline insert, baseline
 * rmw, earn, redeem, baseline insert, baseline rmw; each baseline is the mean of its two runs.
 * Run: `pnpm --filter @rapport/plugin-points-membership bench` (env BENCH_SECONDS, default 10).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createTestHost } from '@rapport/plugin-sdk/testing'
import autocannon from 'autocannon'
import BetterSqlite3 from 'better-sqlite3'
import { Hono } from 'hono'
import pointsMembership from '../server/index.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 64
const members = 200
const base = '/api/p/points-membership'

// The points host: members with a large balance and a 1-point reward with unlimited stock.
const host = await createTestHost({ plugins: [pointsMembership], dialect: 'sqlite' })
const eventsKey = await host.apiKey(['events:write'])
const tillKey = await host.apiKey(['customers:write'])
await host.http.post(`${base}/rewards`, { id: 'bench-cup', name: 'Bench cup', costPoints: 1 })
const memberIds: string[] = []
for (let i = 0; i < members; i += 1) {
  const id = await host.customer()
  await host.http.post(`${base}/members`, { customerId: id })
  const res = await host.http.post(`${base}/members/${id}/adjustments`, { points: 1_000_000, reason: 'bench opening balance' })
  if (res.status !== 201) throw new Error(`opening balance: ${res.status} ${await res.text()}`)
  memberIds.push(id)
}

// The baselines: same pragmas as @rapport/db's writer, a separate connection and file.
const rawDir = mkdtempSync(join(tmpdir(), 'rapport-points-bench-'))
const raw = new BetterSqlite3(join(rawDir, 'raw.db'))
raw.pragma('journal_mode = WAL')
raw.pragma('synchronous = NORMAL')
raw.exec(`CREATE TABLE raw_events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL);
  CREATE TABLE raw_balances (customer_id TEXT PRIMARY KEY, balance INTEGER NOT NULL);
  CREATE TABLE raw_ledger (seq INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, delta INTEGER NOT NULL, balance_after INTEGER NOT NULL, body TEXT NOT NULL)`)
const insertRaw = raw.prepare('INSERT INTO raw_events (body) VALUES (?)')
const seedBalance = raw.prepare('INSERT INTO raw_balances (customer_id, balance) VALUES (?, 1000000)')
for (let i = 0; i < members; i += 1) seedBalance.run(`c${i}`)
const readBalance = raw.prepare<[string], { balance: number }>('SELECT balance FROM raw_balances WHERE customer_id = ?')
const writeBalance = raw.prepare('UPDATE raw_balances SET balance = ? WHERE customer_id = ?')
const insertLedger = raw.prepare('INSERT INTO raw_ledger (customer_id, delta, balance_after, body) VALUES (?, ?, ?, ?)')
const readModifyWrite = raw.transaction((customerId: string, body: string) => {
  const balance = readBalance.get(customerId)!.balance - 1
  writeBalance.run(balance, customerId)
  insertLedger.run(customerId, -1, balance, body)
  return balance
})

const rawApp = new Hono()
rawApp.post('/raw/insert', async (c) => {
  insertRaw.run(await c.req.text())
  return c.json({ ok: true })
})
rawApp.post('/raw/rmw/:customerId', async (c) => c.json({ balance: readModifyWrite(c.req.param('customerId'), await c.req.text()) }))

async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  return { server, port: (server.address() as AddressInfo).port }
}
const rawServer = await listen(rawApp.fetch)
const pointsServer = await listen(host.fetch)

type Result = { requests: { total: number }; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p99: number } }
type LoadRequest = { path?: string; body?: string }
let n = 0
const bodies = {
  insert: (r: LoadRequest) => ({ ...r, body: JSON.stringify({ n: n++, amountMinor: 12_900 }) }),
  rmw: (r: LoadRequest) => ({ ...r, path: `/raw/rmw/c${n % members}`, body: JSON.stringify({ n: n++ }) }),
  earn: (r: LoadRequest) => {
    const id = `bench-${process.pid}-${n++}`
    return {
      ...r, body: JSON.stringify({ events: [{
        id, type: 'order.completed', customerExternalId: `bench-customer-${n % 1000}`, orderId: id, amountMinor: 12_900, currency: 'CNY',
        occurredAt: '2026-05-01T10:00:00+08:00', items: [{ sku: 'TEA-1', quantity: 2, unitPriceMinor: 6_450 }],
      }] }),
    }
  },
  redeem: (r: LoadRequest) => ({
    ...r, path: `${base}/members/${memberIds[n % members]}/redemptions`, body: JSON.stringify({ rewardId: 'bench-cup', idempotencyKey: `bench-${n++}` }),
  }),
}

async function load(kind: keyof typeof bodies, duration: number): Promise<Result> {
  const [port, path, key] = kind === 'insert' ? [rawServer.port, '/raw/insert', ''] : kind === 'rmw' ? [rawServer.port, '/raw/rmw/c0', '']
    : kind === 'earn' ? [pointsServer.port, '/api/v1/events', eventsKey] : [pointsServer.port, `${base}/members/x/redemptions`, tillKey]
  return (await autocannon({
    url: `http://127.0.0.1:${port}`, connections, duration,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, setupRequest: bodies[kind] as never }],
  })) as unknown as Result
}

const rate = (r: Result) => r.requests.total / seconds
const show = (label: string, r: Result) =>
  console.log(`${label.padEnd(16)} ${Math.round(rate(r)).toLocaleString('en').padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}`)

console.log(`${connections} connections, ${seconds} s per run, ${members} redeeming members, autocannon on the server thread`)
for (const kind of ['insert', 'rmw', 'earn', 'redeem'] as const) await load(kind, 2)
const results = { insert1: await load('insert', seconds), rmw1: await load('rmw', seconds), earn: await load('earn', seconds), redeem: await load('redeem', seconds), insert2: await load('insert', seconds), rmw2: await load('rmw', seconds) }
show('baseline insert', results.insert1); show('baseline rmw', results.rmw1); show('earn', results.earn); show('redeem', results.redeem)
show('baseline insert', results.insert2); show('baseline rmw', results.rmw2)

const insertRate = (rate(results.insert1) + rate(results.insert2)) / 2
const rmwRate = (rate(results.rmw1) + rate(results.rmw2)) / 2
for (const kind of ['earn', 'redeem'] as const) {
  console.log(`ratio ${kind} / baseline insert = ${(rate(results[kind]) / insertRate).toFixed(2)}; ${kind} / baseline rmw = ${(rate(results[kind]) / rmwRate).toFixed(2)} (aim >= 0.5)`)
}
const non2xx = Object.values(results).reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0)
const verify = await host.runCommand('points', 'verify')
console.log(`non-2xx and errors: ${non2xx}; ${verify.output[0]}`)

rawServer.server.close()
pointsServer.server.close()
raw.close()
rmSync(rawDir, { recursive: true, force: true })
await host.close()
if (non2xx > 0 || verify.exitCode !== 0) process.exitCode = 1

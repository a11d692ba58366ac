/**
 * Ingest throughput against a raw SQLite insert, in one process:
 * - `POST /api/v1/events`: the full core app (API key, validation, customer upsert, idempotent
 *   append in a transaction) on a SQLite file through @rapport/db;
 * - `POST /bench/raw`: the body inserted with a raw prepared better-sqlite3 statement on a separate
 *   connection and file, no validation.
 * Both on one Hono server (@hono/node-server, 127.0.0.1, port 0). autocannon (64 connections,
 * single-event batches, a unique event id per request) runs on the server's thread by default, as
 * the figures in DESIGN.md were measured; BENCH_WORKERS=1 runs it in a worker thread instead, so the
 * server has a core to itself (a stricter ratio: the load generator's cost no longer weighs on both).
 * Order: warm-up, baseline, ingest, baseline; the two baselines are averaged.
 * Run: `pnpm --filter @rapport/api bench` (env BENCH_SECONDS, default 10; BENCH_WORKERS, default 0).
 */
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createTestApp } from '@rapport/core/testing'
import { orderStats } from '@rapport/plugin-sdk/examples/order-stats'
import autocannon from 'autocannon'
import { Hono } from 'hono'
import { openRawInsert } from './raw-insert.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const workers = Number(process.env.BENCH_WORKERS ?? 0)
const connections = 64
const setupRequestPath = fileURLToPath(new URL('./ingest-request.cjs', import.meta.url))

// The apps under test: core alone, and core with a plugin whose three scoring rules update the
// profile on every order (count, lifetime spend, big spender). Each has an API key for events.
const t = await createTestApp('sqlite')
const apiKey = await t.apiKey(['events:write'])
const scored = await createTestApp('sqlite', { plugins: [orderStats] })
const scoredKey = await scored.apiKey(['events:write'])

// The baseline: a raw insert on a separate connection and file.
const raw = openRawInsert()

const root = new Hono()
root.post('/bench/raw', async (c) => {
  raw.insert(await c.req.text())
  return c.json({ ok: true })
})
root.all('*', (c) => t.app.fetch(c.req.raw))

const server = serve({ fetch: root.fetch, hostname: '127.0.0.1', port: 0 })
await new Promise<void>((resolve) => server.once('listening', () => resolve()))
const { port } = server.address() as AddressInfo
// The app with the scoring plugin gets its own server in the same process, so its requests are
// not copied through a proxying route (the plain app's are not either).
const scoredServer = serve({ fetch: scored.app.fetch, hostname: '127.0.0.1', port: 0 })
await new Promise<void>((resolve) => scoredServer.once('listening', () => resolve()))
const scoredPort = (scoredServer.address() as AddressInfo).port

type Result = { requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number; '2xx': number; latency: { p50: number; p99: number } }

async function load(path: string, duration: number, key = apiKey, target = port): Promise<Result> {
  const setupRequest = workers > 0 ? setupRequestPath : createRequire(import.meta.url)(setupRequestPath)
  return (await autocannon({
    url: `http://127.0.0.1:${target}`, connections, duration, ...(workers > 0 ? { workers } : {}),
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, setupRequest }],
  })) as unknown as Result
}

const show = (label: string, r: Result) =>
  console.log(`${label.padEnd(10)} ${Math.round(r.requests.total / seconds).toLocaleString('en').padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}`)

console.log(`${connections} connections, ${seconds} s per run, autocannon ${workers > 0 ? `in ${workers} worker thread(s)` : 'on the server thread'}`)
await load('/bench/raw', 2)
await load('/api/v1/events', 2)
await load('/api/v1/events', 2, scoredKey, scoredPort)
const before = await load('/bench/raw', seconds); show('baseline', before)
const ingest = await load('/api/v1/events', seconds); show('ingest', ingest)
const scoring = await load('/api/v1/events', seconds, scoredKey, scoredPort); show('+3 rules', scoring)
const after = await load('/bench/raw', seconds); show('baseline', after)

const baseline = (before.requests.total + after.requests.total) / 2 / seconds
const ingestRate = ingest.requests.total / seconds
const scoredRate = scoring.requests.total / seconds
const non2xx = before.non2xx + ingest.non2xx + scoring.non2xx + after.non2xx
const stored = (await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_events'))?.n
console.log(`baseline ${Math.round(baseline).toLocaleString('en')} req/s (mean of two runs), ingest ${Math.round(ingestRate).toLocaleString('en')} req/s`)
console.log(`ratio = ingest / baseline = ${(ingestRate / baseline).toFixed(2)} (aim >= 0.5)`)
console.log(`ratio = ingest with 3 scoring rules / baseline = ${(scoredRate / baseline).toFixed(2)} (aim >= 0.5); p99 ${scoring.latency.p99} ms at ${connections} connections`)
const profiled = (await scored.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM core_profile_values WHERE field = 'orderStats.orders'"))?.n
console.log(`non-2xx: ${non2xx} (baseline ${before.non2xx} + ${after.non2xx}, ingest ${ingest.non2xx}, scored ${scoring.non2xx}); events stored: ${stored}; customers with a scored profile: ${profiled}`)

server.close()
scoredServer.close()
raw.close()
await t.close()
await scored.close()
if (non2xx > 0) process.exitCode = 1

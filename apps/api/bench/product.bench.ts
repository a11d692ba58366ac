/**
 * The product as shipped (issue 19): a real `rapport start` (every built-in plugin enabled, as the
 * demo boots them) on a copy of the demo database, loaded with single-order batches
 * (`POST /api/v1/events`, existing customers at random and about 10% new ones) by autocannon with
 * 64 connections, beside a raw better-sqlite3 insert route in a process of its own, measured in the
 * same run (baseline before and after, averaged). Then the same product on PostgreSQL (the demo
 * moved there with `rapport migrate-to-postgres`, cached as a dump), one process and three (autocannon spreads its
 * connections over them), as ratios to SQLite's one process. Also: the demo database's size per
 * order, the first start with demo data, the cold start on the seeded database and idle RSS.
 *
 * The server runs from the bundle `pnpm build` makes (built first by the bench), beside a start from
 * the sources through tsx for comparison.
 * Run: `pnpm --filter @rapport/api bench` (env BENCH_SECONDS, default 10; BENCH_PG=0 skips
 * PostgreSQL; BENCH_FRESH=1 rebuilds the cached demo database, BENCH_DEMO_DIR=<folder> takes one
 * built before (see product/demo-database.ts); BENCH_PROFILE=<folder> writes a
 * `--cpu-prof` profile of each loaded server there, read it with bench/profile-summary.ts).
 */
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { startPostgresServer } from '../../../test/support/postgres-server.js'
import { BENCH_SECRET, copyDemoDatabase, demoCustomerIds, demoDatabase, removeDemoCopies } from './product/demo-database.js'
import { orderRequests } from './product/order-requests.js'
import { demoOnPostgres } from './product/postgres-demo.js'
import { createApiKey, freePort, startRapport, type Env, type RapportProcess } from './product/server-process.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 64
const DEMO_OWNER = { email: 'admin@example.com', password: 'rapport-demo' }
const profileDir = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : undefined
if (profileDir) mkdirSync(profileDir, { recursive: true })
const profiled = (name: string) => (profileDir ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-\${pid}.cpuprofile`] } : {})

type Result = { requests: { total: number }; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p99: number } }
type Rate = Result & { perSecond: number }

async function load(urls: string[], key: string, customers: string[], duration: number): Promise<Rate> {
  const r = (await autocannon({
    // autocannon takes several URLs and spreads connections over them round-robin (its types say one string).
    url: (urls.length === 1 ? urls[0]! : urls) as string, connections, duration,
    // autocannon gives up on a request after 10 s by default and sends another: on a slow setup
    // (64 queued requests served a few per second) every request then times out, nothing is
    // counted, and the server still does the abandoned work. A long timeout shows the real rate and p99.
    timeout: 120,
    requests: [{ method: 'POST', path: '/api/v1/events', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, setupRequest: orderRequests(customers) as never }],
  })) as unknown as Result
  return { ...r, perSecond: r.requests.total / duration }
}

/**
 * Waits until the requests a finished load left in flight have been served: autocannon stops
 * counting at the end of its duration, but the server still works through them (and on a slow
 * setup they are many), so the next load would start behind them. One more order queues last.
 */
async function drain(urls: string[], key: string, customers: string[]): Promise<void> {
  const { body } = orderRequests(customers)({})
  await Promise.all(urls.map((url) => fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body }).then((r) => r.text())))
}

const show = (label: string, r: Rate) =>
  console.log(`${label.padEnd(30)} ${Math.round(r.perSecond).toLocaleString('en').padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}`)
const mb = (n: number) => `${n.toFixed(0)} MB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** The raw baseline server in a child process (bench/product/raw-server.ts). */
async function startRaw(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./product/raw-server.ts', import.meta.url))], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = `http://127.0.0.1:${port}`
  await new Promise<void>((done) => child.stdout!.on('data', (d: Buffer) => { if (String(d).includes('running at')) done() }))
  return { url, async stop() { child.kill('SIGTERM'); await once(child, 'exit') } }
}

const bad = (...rs: Rate[]) => rs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0)
let failures = 0

// The server as shipped runs from the bundle `pnpm build` makes: build it now (the sources may be newer).
execFileSync(process.execPath, [fileURLToPath(new URL('../build/bundle-server.mjs', import.meta.url))], { stdio: 'inherit' })

const demo = await demoDatabase(console.log)
const customers = demoCustomerIds(demo.file)
console.log(`${connections} connections, ${seconds} s per run, autocannon in this process; every server a separate process`)
console.log(`demo database: ${demo.orders.toLocaleString('en')} orders, ${demo.customers.toLocaleString('en')} customers, ${(demo.bytes / 1e6).toFixed(1)} MB = ${(demo.bytes / demo.orders / 1000).toFixed(2)} kB per order (file after a WAL checkpoint; target <= 3.5, aim 2)`)
console.log(`first start with demo data: ${s(demo.firstStartMs)} (spawn to /api/health, empty data folder; ${demo.builtNow ? 'this run' : `cached, measured ${demo.builtAt}${process.env.BENCH_DEMO_DIR ? ' by the code that built BENCH_DEMO_DIR' : ''}`}; target <= 20 s, aim 10)`)

// SQLite: the product beside the raw insert.
const sqliteEnv: Env = { DATABASE_URL: copyDemoDatabase(demo), RAPPORT_SECRET: BENCH_SECRET, RAPPORT_DEMO: '1' }
// A first start on the copy does what a new version does once (migrations, catch-up of rules whose
// version changed, when the demo database was built by older code); the cold start is the next one.
const upgrade = await startRapport(sqliteEnv, { run: 'bundle' })
console.log(`first start on the copy: ${s(upgrade.startMs)}, ${s(upgrade.startCpuMs)} of CPU (includes migrating a demo database built by older code)`)
await upgrade.stop()
// Baseline in the same run: the same start from the TypeScript sources through tsx (how it ran before the bundle).
const source = await startRapport(sqliteEnv, { run: 'source' })
await new Promise((r) => setTimeout(r, 2000))
const sourceRss = source.rssMb()
await source.stop()
const product = await startRapport(sqliteEnv, { run: 'bundle', ...profiled('sqlite') })
console.log(`cold start on the seeded database: ${s(product.startMs)}, ${s(product.startCpuMs)} of CPU (spawn to first /api/health answer, from the bundle; the CPU time moves less with the machine's load; target <= 1.0 s)`)
console.log(`  the same from the sources through tsx: ${s(source.startMs)}, ${s(source.startCpuMs)} of CPU, ${mb(sourceRss)} RSS after start`)
await new Promise((r) => setTimeout(r, 2000))
const rssStarted = product.rssMb()
const raw = await startRaw()
let sqlite: Rate
try {
  const key = await createApiKey(product.url, DEMO_OWNER, ['events:write'])
  await load([raw.url], key, customers, 2)
  await load([product.url], key, customers, 2)
  await drain([product.url], key, customers)
  await new Promise((r) => setTimeout(r, 3000))
  const rssWarm = product.rssMb()
  console.log(`idle RSS: ${mb(rssStarted)} after start, ${mb(rssWarm)} after warm-up (target <= 150 MB, aim 120)`)
  const before = await load([raw.url], key, customers, seconds); show('raw insert', before)
  const loadFrom = (performance.now() - product.spawnedAt) / 1000
  sqlite = await load([product.url], key, customers, seconds); show('product, SQLite, 1 process', sqlite)
  await drain([product.url], key, customers)
  if (profileDir) console.log(`profile of the SQLite server: its measured load ran from ${loadFrom.toFixed(1)} s to ${(loadFrom + seconds).toFixed(1)} s after the spawn (profile-summary.ts --from ${loadFrom.toFixed(1)} --to ${(loadFrom + seconds).toFixed(1)})`)
  const after = await load([raw.url], key, customers, seconds); show('raw insert', after)
  const baseline = (before.perSecond + after.perSecond) / 2
  console.log(`ratio = product on SQLite / raw insert = ${(sqlite.perSecond / baseline).toFixed(3)} (raw ${Math.round(baseline).toLocaleString('en')} req/s, mean of two runs; target >= 0.25, aim 0.5); p99 ${sqlite.latency.p99} ms vs raw ${Math.max(before.latency.p99, after.latency.p99)} ms (target <= 50 ms, aim 25)`)
  failures += bad(before, sqlite, after)
} finally {
  await Promise.all([product.stop(), raw.stop()])
}

// PostgreSQL: the same demo data moved with the product's own command.
if (process.env.BENCH_PG !== '0') {
  const pg = await startPostgresServer({ durable: process.env.BENCH_PG_DURABLE !== '0' })
  try {
    const { url, ms, how } = await demoOnPostgres(demo, pg, 'bench_demo', sqliteEnv)
    console.log(`demo data on PostgreSQL in ${s(ms)} (${how})`)
    const pgEnv: Env = { ...sqliteEnv, DATABASE_URL: url }
    const pgUpgrade = await startRapport(pgEnv, { run: 'bundle' })
    console.log(`first start on PostgreSQL: ${s(pgUpgrade.startMs)}, ${s(pgUpgrade.startCpuMs)} of CPU`)
    await pgUpgrade.stop()
    const measure = async (label: string, count: number): Promise<Rate> => {
      const servers: RapportProcess[] = []
      try {
        for (let i = 0; i < count; i++) servers.push(await startRapport(pgEnv, { run: 'bundle', ...profiled(`pg${count}`) }))
        const urls = servers.map((x) => x.url)
        const key = await createApiKey(urls[0]!, DEMO_OWNER, ['events:write'])
        await load(urls, key, customers, 2)
        await drain(urls, key, customers)
        const loadFrom = (performance.now() - servers[0]!.spawnedAt) / 1000
        const r = await load(urls, key, customers, seconds); show(label, r)
        if (profileDir) console.log(`profile of ${label}: the measured load ran from ${loadFrom.toFixed(1)} s after the (first) spawn`)
        failures += bad(r)
        return r
      } finally {
        await Promise.all(servers.map((x) => x.stop()))
      }
    }
    const one = await measure('product, PostgreSQL, 1 process', 1)
    const three = await measure('product, PostgreSQL, 3 processes', 3)
    console.log(`ratio = PostgreSQL 1 process / SQLite 1 process = ${(one.perSecond / sqlite.perSecond).toFixed(2)} (target >= 0.3, aim 0.5); p99 ${one.latency.p99} ms`)
    console.log(`ratio = PostgreSQL 3 processes / SQLite 1 process = ${(three.perSecond / sqlite.perSecond).toFixed(2)} (target >= 0.8, aim 1.5); p99 ${three.latency.p99} ms`)
  } finally {
    await pg.stop()
  }
}
removeDemoCopies()
console.log(`non-2xx and errors over all measured runs: ${failures}`)
if (failures > 0) process.exitCode = 1

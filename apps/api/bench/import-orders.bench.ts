/**
 * Orders history imported through every built-in plugin, on demand (issue 19: 1M orders in
 * ≤ 5 min, aim 2). A real `rapport start` on an empty SQLite data folder (every built-in plugin
 * enabled, no demo), an owner made by `rapport create-admin`, then `POST /api/v1/imports/orders`
 * with CSV files in time order: each order goes through the event log and every plugin's rules and
 * subscribers, and the plugins' jobs are replayed between them as of their slots, as the import
 * does for a shop's real history. Prints the rate per file (it falls as the database grows), the
 * server's CPU, the database size per order, and the projection to `IMPORT_TARGET` orders from
 * the last file's rate (the slowest so far).
 *
 * Not in `pnpm bench` (1M orders take many minutes): `pnpm --filter @rapport/api bench:import`.
 * Env: IMPORT_ORDERS (default 1,000,000), IMPORT_CUSTOMERS (default orders / 10), IMPORT_MONTHS
 * (default 24, ending today), IMPORT_FILE_ROWS (rows per request, default 50,000; a body is at
 * most 50 MiB), IMPORT_TARGET (projection, default 1,000,000), IMPORT_KEEP=1 keeps the database,
 * IMPORT_WITHOUT=<plugin,…> disables those plugins first (to see what one plugin costs),
 * IMPORT_PROFILE=<folder> writes the server's CPU profile there (read it with profile-summary.ts).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { request } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { BENCH_SECRET } from './product/demo-database.js'
import { createApiKey, startRapport } from './product/server-process.js'

const orders = Number(process.env.IMPORT_ORDERS ?? 1_000_000)
const customers = Number(process.env.IMPORT_CUSTOMERS ?? Math.max(1, Math.floor(orders / 10)))
const months = Number(process.env.IMPORT_MONTHS ?? 24)
const fileRows = Number(process.env.IMPORT_FILE_ROWS ?? 50_000)
const target = Number(process.env.IMPORT_TARGET ?? 1_000_000)
const without = (process.env.IMPORT_WITHOUT ?? '').split(',').filter(Boolean)
const owner = { email: 'bench-owner@example.com', password: 'bench-password-0123' }
const bin = fileURLToPath(new URL('../bin/rapport.mjs', import.meta.url))

const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'))
const env = { DATABASE_URL: join(dir, 'rapport.db'), RAPPORT_SECRET: BENCH_SECRET, RAPPORT_DEMO: '0' }
if (process.env.IMPORT_KEEP !== '1') process.once('exit', () => rmSync(dir, { recursive: true, force: true }))

/** Seeded pseudo-random numbers, so every run imports the same history. */
function random(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (x + 0x6d2b79f5) >>> 0
    let t = Math.imul(x ^ (x >>> 15), 1 | x)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const end = Date.now() - 3600_000
const start = end - months * 30.4 * 86_400_000
const step = (end - start) / orders
const next = random(20_261_207)
const CHANNELS = ['store', 'web', 'app']

/** Rows [from, to) of the history as one CSV file: times rise with the row number. */
function csvOf(from: number, to: number): string {
  const lines = ['orderId,customerExternalId,amount,currency,occurredAt,channel']
  for (let i = from; i < to; i++) {
    const at = new Date(Math.floor(start + i * step + next() * step * 0.9)).toISOString()
    const customer = Math.floor(next() ** 1.6 * customers) // some customers order far more often
    lines.push(`B${i},crm-${customer},${(20 + Math.floor(next() * 2000)).toFixed(2)},CNY,${at},${CHANNELS[i % 3]}`)
  }
  return `${lines.join('\n')}\n`
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

async function run(args: string[], extraEnv: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] })
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`rapport ${args.join(' ')} exited with ${code}`)
}

/** POSTs a CSV file; node:http, because fetch gives up on an answer after 300 s and a big file takes longer. */
function postCsv(url: string, key: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => { text += d })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Disables plugins through the product's API, as an owner would. */
async function disablePlugins(url: string, names: string[]): Promise<void> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify(owner) })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  for (const name of names) {
    const res = await fetch(`${url}/api/v1/plugins/${name}/disable`, { method: 'POST', headers: { origin: url, cookie } })
    if (!res.ok) throw new Error(`disabling ${name}: ${res.status} ${await res.text()}`)
  }
}

console.log(`${orders.toLocaleString('en')} orders of ${customers.toLocaleString('en')} customers over ${months} months, ${fileRows.toLocaleString('en')} rows per request; ${without.length ? `every built-in plugin but ${without.join(', ')}` : 'every built-in plugin'}; SQLite in ${dir}`)
await run(['create-admin', '--email', owner.email, '--role', 'owner', '--name', 'Bench Owner'], { RAPPORT_ADMIN_PASSWORD: owner.password })
const profileDir = process.env.IMPORT_PROFILE
const server = await startRapport(env, profileDir ? { execArgv: ['--cpu-prof', '--cpu-prof-dir', profileDir] } : {})
let failed = false
try {
  const key = await createApiKey(server.url, owner, ['imports:write'])
  if (without.length) await disablePlugins(server.url, without)
  const began = performance.now()
  const cpuBefore = cpuSeconds(server.child.pid!)
  let lastRate = 0
  for (let from = 0; from < orders; from += fileRows) {
    const to = Math.min(orders, from + fileRows)
    const body = csvOf(from, to)
    const t0 = performance.now()
    const c0 = cpuSeconds(server.child.pid!)
    const res = await postCsv(`${server.url}/api/v1/imports/orders?mode=valid-only`, key, body)
    const report = JSON.parse(res.text) as { imported?: number; invalid?: unknown[]; error?: unknown }
    const seconds = (performance.now() - t0) / 1000
    if (res.status !== 200 || report.imported !== to - from) {
      failed = true
      console.log(`rows ${from}-${to}: HTTP ${res.status} ${res.text.slice(0, 500)}`)
      break
    }
    lastRate = (to - from) / seconds
    console.log(`rows ${from.toLocaleString('en')}-${to.toLocaleString('en')}: ${seconds.toFixed(1)} s, ${Math.round(lastRate).toLocaleString('en')} orders/s, server CPU ${(cpuSeconds(server.child.pid!) - c0).toFixed(1)} s`)
  }
  const seconds = (performance.now() - began) / 1000
  const cpu = cpuSeconds(server.child.pid!) - cpuBefore
  const db = new BetterSqlite3(env.DATABASE_URL)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const stored = (db.prepare("SELECT COUNT(*) AS n FROM core_events WHERE type = 'order.completed'").get() as { n: number }).n
  const events = (db.prepare('SELECT COUNT(*) AS n FROM core_events').get() as { n: number }).n
  db.close()
  const bytes = statSync(env.DATABASE_URL).size
  console.log(`imported ${stored.toLocaleString('en')} orders (${events.toLocaleString('en')} events with the plugins' own) in ${seconds.toFixed(1)} s = ${Math.round(stored / seconds).toLocaleString('en')} orders/s; server CPU ${cpu.toFixed(1)} s (${((cpu * 1000) / stored).toFixed(2)} ms per order)`)
  console.log(`database ${(bytes / 1e6).toFixed(1)} MB = ${(bytes / stored / 1000).toFixed(2)} kB per order (after a WAL checkpoint)`)
  if (lastRate > 0) console.log(`projection: ${target.toLocaleString('en')} orders at the last file's rate = ${(target / lastRate / 60).toFixed(1)} min (target <= 5 min, aim 2); the rate falls as the database grows`)
} finally {
  await server.stop()
}
if (failed) process.exitCode = 1

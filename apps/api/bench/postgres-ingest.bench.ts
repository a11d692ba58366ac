/**
 * Ingest on PostgreSQL, with one and with three API processes, as ratios to one process on SQLite
 * measured in the same run. Every figure is a real `rapport start` (all built-in plugins, demo
 * off) fed `POST /api/v1/events` (single-event batches, unique ids, 1,000 customers) by
 * autocannon with 64 connections; for three processes autocannon spreads its connections over
 * the three URLs, as a round-robin load balancer would. PostgreSQL is Debian's server started in a
 * temporary folder with production durability (fsync and synchronous commit on), each setup on a
 * database of its own (BENCH_PG_DURABLE=0 turns durability off; it changes little: the cost is
 * the ~77 statements an order takes through the five plugins, one round trip each). On demand
 * only (not in CI): `pnpm bench` runs it after the in-process ingest bench; env BENCH_SECONDS
 * (default 10); BENCH_PG_WAITS=1 prints what the PostgreSQL backends waited on during each
 * measured PostgreSQL run (postgres-waits.ts). Each line also gives the API processes' CPU per
 * request (user + system from /proc, clock ticks of 10 ms), which moves far less with the load.
 * BENCH_PG_TCP=1 connects over loopback TCP instead of the server's Unix socket.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { startPostgresServer } from '../../../test/support/postgres-server.js'
import { runCli, startServerProcess, tempEnv, type CliEnv, type ServerProcess } from '../../../test/support/rapport-process.js'
import { sampleWaits } from './postgres-waits.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 64
const setupRequest = createRequire(import.meta.url)(fileURLToPath(new URL('./ingest-request.cjs', import.meta.url)))
const OWNER = { email: 'bench@rapport.test', password: 'bench-owner-password' }

type Result = { requests: { total: number }; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p99: number } }

/** Starts `count` servers on one database (an owner and an API key made first) and returns them with the key. */
async function serve(env: CliEnv, count: number): Promise<{ servers: ServerProcess[]; key: string }> {
  const admin = await runCli(['create-admin', '--email', OWNER.email, '--name', 'Bench', '--role', 'owner'], { ...env, RAPPORT_ADMIN_PASSWORD: OWNER.password })
  if (admin.code !== 0) throw new Error(`create-admin failed: ${admin.stderr}`)
  const servers = await Promise.all(Array.from({ length: count }, () => startServerProcess(env)))
  const url = servers[0]!.url
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify(OWNER) })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const key = await fetch(`${url}/api/v1/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, cookie }, body: JSON.stringify({ name: 'bench', scopes: ['events:write'] }) })
  return { servers, key: ((await key.json()) as { key: string }).key }
}

/**
 * CPU seconds a process has used (user + system, /proc on Linux; 0 elsewhere). Per request it is
 * the API's own cost, which hardly moves with the machine's load, unlike the rate.
 */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

async function load(urls: string[], key: string, duration: number): Promise<Result> {
  // autocannon takes several URLs and spreads connections over them round-robin (its types say one string).
  return (await autocannon({
    url: (urls.length === 1 ? urls[0]! : urls) as string, connections, duration,
    requests: [{ method: 'POST', path: '/api/v1/events', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, setupRequest }],
  })) as unknown as Result
}

/** Warm-up, then the measured run; the servers are stopped afterwards. */
async function measure(label: string, env: CliEnv, count: number): Promise<{ rate: Result & { perSecond: number } }> {
  const { servers, key } = await serve(env, count)
  try {
    const urls = servers.map((s) => s.url)
    await load(urls, key, 2)
    const waits = process.env.BENCH_PG_WAITS === '1' && env.DATABASE_URL?.startsWith('postgres') ? sampleWaits(env.DATABASE_URL) : undefined
    const cpuBefore = servers.map((s) => cpuSeconds(s.child.pid))
    const r = await load(urls, key, seconds)
    const cpu = servers.reduce((sum, s, i) => sum + cpuSeconds(s.child.pid) - cpuBefore[i]!, 0)
    const perSecond = r.requests.total / seconds
    const perOrder = r.requests.total > 0 ? ((cpu * 1000) / r.requests.total).toFixed(1) : '-'
    console.log(`${label.padEnd(28)} ${Math.round(perSecond).toLocaleString('en').padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}  API CPU ${perOrder} ms/request`)
    if (waits) console.log(await waits.stop())
    return { rate: { ...r, perSecond } }
  } finally {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')))
  }
}

const base: CliEnv = { LOG_LEVEL: 'warn', RAPPORT_DEMO: '0' }
const pg = await startPostgresServer({ durable: process.env.BENCH_PG_DURABLE !== '0' })
try {
  console.log(`${connections} connections, ${seconds} s per run, autocannon in this process; every server a separate \`rapport start\``)
  const sqlite = await measure('SQLite, 1 process', tempEnv(base), 1)
  // sslmode keeps the URL as written: loopback TCP instead of the server's Unix socket (pg-unix-socket.ts).
  const url = async (name: string) => `${await pg.createDatabase(name)}${process.env.BENCH_PG_TCP === '1' ? '?sslmode=disable' : ''}`
  const pgOne = await measure('PostgreSQL, 1 process', tempEnv({ ...base, DATABASE_URL: await url('bench_one') }), 1)
  const pgThree = await measure('PostgreSQL, 3 processes', tempEnv({ ...base, DATABASE_URL: await url('bench_three') }), 3)
  const baseline = sqlite.rate.perSecond
  console.log(`ratio = PostgreSQL 1 process / SQLite 1 process = ${(pgOne.rate.perSecond / baseline).toFixed(2)}`)
  console.log(`ratio = PostgreSQL 3 processes / SQLite 1 process = ${(pgThree.rate.perSecond / baseline).toFixed(2)}`)
  const bad = [sqlite, pgOne, pgThree].reduce((n, m) => n + m.rate.non2xx + m.rate.errors + m.rate.timeouts, 0)
  console.log(`non-2xx and errors over all runs: ${bad}`)
  if (bad > 0) process.exitCode = 1
} finally {
  await pg.stop()
}

/**
 * Where an order's COMMIT cost goes (issue 19): the pages each transaction writes to SQLite's
 * write-ahead log under the product's order load, by the B-tree (table or index) they belong to.
 * With WAL and synchronous=NORMAL a COMMIT appends every page its transaction dirtied to the log,
 * and now and then copies them into the database file (a checkpoint): its cost follows the pages,
 * far more than the rows. Pages are counted, not timed, so the figures do not move with the
 * machine's load; the server's CPU per order over more rounds is printed beside them.
 *
 * A copy of the demo database (product/demo-database.ts) is started once (so migrations of an
 * older copy are not counted), then again; one round of 64 concurrent single-order requests warms
 * it up, one round is counted (the log's frames name their page; `dbstat` names each page's
 * B-tree), then `BENCH_CPU_ROUNDS` more rounds (default 8) give the CPU per order.
 * Run: `tsx bench/commit-pages.bench.ts` from apps/api (after `pnpm build`, or any bench that
 * built the bundle; BENCH_DEMO_DIR=<folder> picks a demo database built before).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { BENCH_SECRET, demoCustomerIds, demoDatabase } from './product/demo-database.js'
import { orderRequests } from './product/order-requests.js'
import { createApiKey, startRapport } from './product/server-process.js'

const CONNECTIONS = 64
const cpuRounds = Number(process.env.BENCH_CPU_ROUNDS ?? 8)
const WAL_HEADER = 32
const FRAME_HEADER = 24

const demo = await demoDatabase(console.log)
const work = mkdtempSync(join(tmpdir(), 'rapport-commit-pages-'))
process.once('exit', () => rmSync(work, { recursive: true, force: true }))
const file = join(work, 'rapport.db')
copyFileSync(demo.file, file)
const customers = demoCustomerIds(file)
const env = { DATABASE_URL: file, RAPPORT_SECRET: BENCH_SECRET, RAPPORT_DEMO: '1' }
// The first start migrates the copy when older code built it: those writes would fill the log.
await (await startRapport(env, { run: 'bundle' })).stop()
const server = await startRapport(env, { run: 'bundle' })
const key = await createApiKey(server.url, { email: 'admin@example.com', password: 'rapport-demo' }, ['events:write'])
const nextOrder = orderRequests(customers)
const round = () => Promise.all(Array.from({ length: CONNECTIONS }, () =>
  fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: nextOrder({}).body }).then((r) => r.text())))
const settle = () => new Promise((r) => setTimeout(r, 500))

await round()
await settle()
// An empty log (the server is idle: nothing is lost), so the counted round's frames are all there is.
const wal = `${file}-wal`
const checkpoint = new BetterSqlite3(file)
checkpoint.pragma('busy_timeout = 5000')
const [done] = checkpoint.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>
checkpoint.close()
if (done?.busy !== 0 || statSync(wal).size !== 0) throw new Error('could not empty the write-ahead log before the counted round')
await round()
await settle()
// A copy while the server is idle: every transaction of the round is committed.
const copy = join(work, 'copy')
mkdirSync(copy)
for (const name of ['rapport.db', 'rapport.db-wal', 'rapport.db-shm']) copyFileSync(join(work, name), join(copy, name))

/** User + system CPU of the server process, in ms (clock ticks of 10 ms). */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}
const cpuBefore = cpuMs()
const wallBefore = performance.now()
for (let i = 0; i < cpuRounds; i++) await round()
const cpu = cpuMs() - cpuBefore
const seconds = (performance.now() - wallBefore) / 1000
await server.stop()

const log = readFileSync(join(copy, 'rapport.db-wal'))
const frameSize = FRAME_HEADER + log.readUInt32BE(8)
const salts = log.subarray(16, 24)
// The server checkpoints at 4,000 frames (sqlite-adapter.ts), and its next write restarts the log.
if ((log.length - WAL_HEADER) / frameSize >= 4000) throw new Error('the counted round reached a checkpoint: its first frames may be gone')
const db = new BetterSqlite3(join(copy, 'rapport.db'), { readonly: true })
const owner = new Map<number, string>()
for (const r of db.prepare('SELECT name, pageno FROM dbstat').all() as Array<{ name: string; pageno: number }>) owner.set(r.pageno, r.name)
db.close()

const byTree = new Map<string, number>()
let commits = 0
let pages = 0
let dirty = new Set<number>()
for (let at = WAL_HEADER; at + frameSize <= log.length; at += frameSize) {
  if (!log.subarray(at + 8, at + 16).equals(salts)) break
  dirty.add(log.readUInt32BE(at))
  // A frame with the database size after commit ends a transaction.
  if (log.readUInt32BE(at + 4) === 0) continue
  commits++
  pages += dirty.size
  for (const page of dirty) {
    const name = owner.get(page) ?? '(freelist or other)'
    byTree.set(name, (byTree.get(name) ?? 0) + 1)
  }
  dirty = new Set()
}
console.log(`${CONNECTIONS} orders in ${commits} commits: ${pages} pages written to the log, ${(pages / CONNECTIONS).toFixed(1)} per order, ${(pages / commits).toFixed(0)} per commit`)
console.log(`server CPU ${(cpu / (cpuRounds * CONNECTIONS)).toFixed(2)} ms per order over ${cpuRounds * CONNECTIONS} more orders (${((cpuRounds * CONNECTIONS) / seconds).toFixed(0)} orders/s)`)
for (const [name, n] of [...byTree].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${name.padEnd(44)} ${(n / CONNECTIONS).toFixed(2).padStart(6)} pages per order`)

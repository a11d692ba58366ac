/**
 * @module
 * The demo database, built once by a real first start (`rapport start` on an empty data folder with
 * the demo on) and cached in the temporary folder under a hash of the code that writes it (the
 * API, core, db and the plugins' server code) and of the day (the demo history ends today). The
 * first start is slow (every demo order goes through every plugin), so reruns reuse the cache and
 * report the first-start time measured when it was built. BENCH_FRESH=1 rebuilds it;
 * BENCH_DEMO_DIR=<folder> uses one built before (e.g. by an earlier commit) as it is.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { startRapport } from './server-process.js'

export const BENCH_SECRET = 'bench-secret-0123456789abcdef'

export type DemoDatabase = {
  /** The cached file (do not write to it: run on {@link copyDemoDatabase}). */
  file: string
  /** Spawn of `rapport start` (empty data folder, demo on) until /api/health answered, in ms. */
  firstStartMs: number
  /** When that first start was measured (ISO), and whether this run did it. */
  builtAt: string
  builtNow: boolean
  /** File size after a WAL checkpoint (the WAL is then empty), in bytes; and orders stored. */
  bytes: number
  orders: number
  customers: number
}

const repo = fileURLToPath(new URL('../../../../', import.meta.url))
const SOURCES = ['apps/api/src', 'packages/core/src', 'packages/db/src', 'plugins']
const SKIP = new Set(['node_modules', 'dist', 'test', 'bench', 'admin', 'customer', 'embed'])

/** Hash of the code that writes the demo database, and of today's date. */
function sourceHash(): string {
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10))
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP.has(entry.name)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(ts|sql|json)$/.test(entry.name)) hash.update(relative(repo, path)).update(readFileSync(path))
    }
  }
  for (const source of SOURCES) walk(join(repo, source))
  return hash.digest('hex').slice(0, 16)
}

/**
 * The cached demo database, built first when missing.
 * @example const demo = await demoDatabase((m) => console.log(m)); const file = copyDemoDatabase(demo)
 */
export async function demoDatabase(log: (message: string) => void): Promise<DemoDatabase> {
  // BENCH_DEMO_DIR: a cache folder built earlier (by older code: the server migrates its copy on start).
  const dir = process.env.BENCH_DEMO_DIR || join(tmpdir(), 'rapport-bench-demo', sourceHash())
  const metaFile = join(dir, 'meta.json')
  if (existsSync(metaFile) && process.env.BENCH_FRESH !== '1') {
    return { ...(JSON.parse(readFileSync(metaFile, 'utf8')) as Omit<DemoDatabase, 'file' | 'builtNow'>), file: join(dir, 'rapport.db'), builtNow: false }
  }
  log(`building the demo database (a first start with demo data) into ${dir} …`)
  const work = mkdtempSync(join(tmpdir(), 'rapport-bench-first-start-'))
  const file = join(work, 'rapport.db')
  const server = await startRapport({ DATABASE_URL: file, RAPPORT_SECRET: BENCH_SECRET, RAPPORT_DEMO: '1' }, { timeoutMs: 3 * 3600_000 })
  const firstStartMs = server.startMs
  await server.stop()
  const db = new BetterSqlite3(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const orders = (db.prepare("SELECT COUNT(*) AS n FROM core_events WHERE type = 'order.completed'").get() as { n: number }).n
  const customers = (db.prepare('SELECT COUNT(*) AS n FROM core_customers').get() as { n: number }).n
  db.close()
  const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)
  mkdirSync(dir, { recursive: true })
  renameSync(file, join(dir, 'rapport.db'))
  const meta = { firstStartMs, builtAt: new Date().toISOString(), bytes, orders, customers }
  writeFileSync(metaFile, JSON.stringify(meta))
  rmSync(work, { recursive: true, force: true })
  return { ...meta, file: join(dir, 'rapport.db'), builtNow: true }
}

const copies: string[] = []

/** A private copy of the demo database in a fresh data folder (removed by {@link removeDemoCopies}); returns its path. */
export function copyDemoDatabase(demo: DemoDatabase): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-run-'))
  // Also when the bench fails half-way.
  if (copies.push(dir) === 1) process.once('exit', removeDemoCopies)
  const file = join(dir, 'rapport.db')
  copyFileSync(demo.file, file)
  return file
}

/** Removes the copies this process made (each is the size of the demo database). */
export function removeDemoCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** The external ids of the demo's customers (what a shop's orders name). */
export function demoCustomerIds(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return (db.prepare('SELECT external_id AS id FROM core_customers WHERE external_id IS NOT NULL').all() as Array<{ id: string }>).map((r) => r.id)
  } finally {
    db.close()
  }
}

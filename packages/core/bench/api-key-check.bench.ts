/**
 * The per-request API-key check (issue 21): the prepared drizzle statement that core runs now,
 * against the hand-written SQL it replaced and against the same drizzle query built per call,
 * on one SQLite file, interleaved rounds in one process so the machine's load hits all alike.
 * Run: `tsx packages/core/bench/api-key-check.bench.ts` (env BENCH_ROUNDS, default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApiKey, resolveApiKey } from '../src/auth/api-key-store.js'
import { safeEqual, sha256 } from '../src/crypto/tokens.js'
import { coreSchema } from '../src/schema/drizzle/core-schema.js'
import { migrateCore } from '../src/schema/migrations.js'
import { openDatabase, ormOf, type Queryable } from '@rapport/db'
import { and, eq, isNull } from 'drizzle-orm'

const dir = mkdtempSync(join(tmpdir(), 'rapport-key-bench-'))
const db = await openDatabase(join(dir, 'bench.db'))
await migrateCore(db)
const { key } = await createApiKey(db, { name: 'bench', scopes: ['events:write'] }, new Date())

/** The hand-written check core ran before (resolveApiKey at 5560853). */
const raw = async (q: Queryable, presented: string) => {
  const match = /^rk_([0-9a-f]{16})\.([A-Za-z0-9_-]{20,})$/.exec(presented)
  if (!match) return undefined
  const row = await q.get<{ id: string; secret_hash: string; scopes: string }>('SELECT id, secret_hash, scopes FROM core_api_keys WHERE id = ? AND revoked_at IS NULL', [match[1]!])
  if (!row || !safeEqual(row.secret_hash, sha256(match[2]!))) return undefined
  return { keyId: row.id, scopes: JSON.parse(row.scopes) }
}
/** The same query through drizzle's builder, built on every call. */
const built = async (q: Queryable, presented: string) => {
  const match = /^rk_([0-9a-f]{16})\.([A-Za-z0-9_-]{20,})$/.exec(presented)
  if (!match) return undefined
  const { apiKeys } = coreSchema.of(q)
  const [row] = await ormOf(q).select({ id: apiKeys.id, secretHash: apiKeys.secretHash, scopes: apiKeys.scopes }).from(apiKeys).where(and(eq(apiKeys.id, match[1]!), isNull(apiKeys.revokedAt)))
  if (!row || !safeEqual(row.secretHash, sha256(match[2]!))) return undefined
  return { keyId: row.id, scopes: row.scopes }
}
/** What core runs now: the prepared statement. */
const prepared = resolveApiKey

const variants = { 'raw SQL (before)': raw, 'drizzle, prepared (now)': prepared, 'drizzle, built per call': built }
const perSecond = new Map<string, number[]>()
const N = 20_000
for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 5); round += 1) {
  for (const [name, fn] of Object.entries(variants)) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < N; i += 1) if (!(await fn(db, key))) throw new Error(`${name} refused the key`)
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    perSecond.set(name, [...(perSecond.get(name) ?? []), N / seconds])
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const base = median(perSecond.get('raw SQL (before)')!)
for (const [name, xs] of perSecond) console.log(`${name.padEnd(26)} ${Math.round(median(xs)).toLocaleString('en').padStart(8)} checks/s  ratio to raw ${(median(xs) / base).toFixed(2)}`)
await db.close()
rmSync(dir, { recursive: true, force: true })

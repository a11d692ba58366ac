/**
 * Checks a change of the packed profile-change format against a real database: every row of
 * `core_profile_changes` is unpacked, packed again in the current form and unpacked again, and
 * the two lists of changes (what the explain API answers from) must be identical, in order. Prints
 * rows, changes and the bytes of the `changes` column before and after.
 * Run: `pnpm --filter @rapport/api exec tsx bench/repack-changes-check.ts <rapport.db>` (read only).
 */
import { isDeepStrictEqual } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { packChanges, unpackChanges } from '../../../packages/core/src/profile/packed-changes.js'

const file = process.argv[2]
if (!file) throw new Error('Give the database file')
const db = new BetterSqlite3(file, { readonly: true })
let rows = 0
let changes = 0
let before = 0
let after = 0
let different = 0
for (const r of db.prepare('SELECT seq, changes FROM core_profile_changes ORDER BY seq').iterate() as Iterable<{ seq: number; changes: string }>) {
  const old = unpackChanges(r.changes)
  const text = packChanges(old.map((c) => ({ ...c, source: c.source.kind === 'rule' ? { kind: 'rule' as const, id: c.source.id, version: c.source.version ?? 0 } : { kind: 'plugin' as const, id: c.source.id } })))
  rows++
  changes += old.length
  before += Buffer.byteLength(r.changes)
  after += Buffer.byteLength(text)
  if (!isDeepStrictEqual(old, unpackChanges(text)) && different++ < 3) console.log(`row ${r.seq} differs:\n  ${r.changes}\n  ${text}`)
}
db.close()
console.log(`${rows.toLocaleString('en')} rows, ${changes.toLocaleString('en')} changes: ${different} differ; changes column ${before.toLocaleString('en')} -> ${after.toLocaleString('en')} bytes (${((100 * after) / Math.max(1, before)).toFixed(1)}%)`)
if (different > 0) process.exitCode = 1

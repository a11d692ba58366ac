/**
 * @module
 * Applies one owner's migrations. Each owner (core, each plugin namespace) keeps its own
 * `<owner>_migrations` table: a shared table (drizzle-kit's) skips an older plugin's migrations
 * once a newer one ran.
 */
import { DbError } from './db-error.js'
import { migrationChecksum, migrationStatements, type Migration } from './migration.js'
import type { Database, Queryable } from './types.js'

const OWNER = /^[a-z][a-z0-9_]{0,39}$/

/**
 * Applies the pending migrations of `owner` in order, each in its own transaction together with
 * its record, and checks that applied ones have not been edited since.
 * @param db - the database
 * @param owner - the namespace owning the migrations, e.g. `core` or `points`
 * @param migrations - all of the owner's migrations, ids unique and ascending
 * @returns the ids applied by this call (empty when up to date)
 * @throws DbError `DB_OWNER_INVALID`, `DB_MIGRATION_ORDER`, `DB_MIGRATION_CHANGED`
 * @example
 * const { applied } = await migrate(db, 'points', [createTables('0001_init', [accounts, ledger])])
 */
export async function migrate(db: Database, owner: string, migrations: readonly Migration[]): Promise<{ applied: string[] }> {
  if (!OWNER.test(owner)) throw new DbError('DB_OWNER_INVALID', `Migration owner "${owner}" must match ${OWNER}`, { details: { owner } })
  checkOrder(owner, migrations)
  const table = `${owner}_migrations`
  // Under the owner's lock: two PostgreSQL sessions running CREATE TABLE IF NOT EXISTS at once can
  // both pass the check, and the second fails on the catalog's unique index.
  await db.tx(async (tx) => {
    await lockOwner(tx, table)
    await tx.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  })
  // Check every applied migration before running any pending one, so an edit is caught up front.
  const rows = await db.all<{ id: string; checksum: string }>(`SELECT id, checksum FROM ${table}`)
  const known = new Map(rows.map((row) => [row.id, row.checksum]))
  for (const migration of migrations) {
    const checksum = known.get(migration.id)
    if (checksum !== undefined && checksum !== migrationChecksum(migration, db.dialect)) throw changed(owner, migration.id)
  }
  const applied: string[] = []
  for (const migration of migrations) {
    if (known.has(migration.id)) continue
    const checksum = migrationChecksum(migration, db.dialect)
    const ran = await db.tx(async (tx) => {
      await lockOwner(tx, table)
      // Read inside the transaction: another process may have applied it since we started.
      const row = await tx.get<{ checksum: string }>(`SELECT checksum FROM ${table} WHERE id = ?`, [migration.id])
      if (row) {
        if (row.checksum !== checksum) throw changed(owner, migration.id)
        return false
      }
      for (const sql of migrationStatements(migration, tx.dialect)) await tx.exec(sql)
      await tx.run(`INSERT INTO ${table} (id, checksum, applied_at) VALUES (?, ?, ?)`, [migration.id, checksum, new Date().toISOString()])
      return true
    })
    if (ran) applied.push(migration.id)
  }
  return { applied }
}

function changed(owner: string, id: string): DbError {
  return new DbError('DB_MIGRATION_CHANGED', `Migration ${owner}/${id} changed after it was applied`, { details: { owner, id } })
}

function checkOrder(owner: string, migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i += 1) {
    const previous = (migrations[i - 1] as Migration).id
    const id = (migrations[i] as Migration).id
    if (!(previous < id)) {
      throw new DbError('DB_MIGRATION_ORDER', `Migration ids of ${owner} must be unique and ascending: "${id}" follows "${previous}"`, {
        details: { owner, id, previous },
      })
    }
  }
}

/**
 * Several API processes may boot at once on PostgreSQL: a transaction-scoped advisory lock per
 * owner makes them apply migrations one after another. SQLite's BEGIN IMMEDIATE already does.
 */
async function lockOwner(tx: Queryable, table: string): Promise<void> {
  if (tx.dialect === 'pg') await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [table])
}

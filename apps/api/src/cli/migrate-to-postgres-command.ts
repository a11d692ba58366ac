/**
 * @module
 * `rapport migrate-to-postgres --to postgres://…`: moves an installation from its SQLite file
 * (the configured DATABASE_URL) to an empty PostgreSQL database.
 *
 * 1. Refuses while a server runs on the SQLite file (rows would change under the copy), and
 *    refuses a target holding any data (only migration records and plugin states may be there).
 * 2. Boots core and every installed plugin on both databases, so both have the same, current
 *    schema (each owner's migrations; the target's schema comes from the PostgreSQL DDL).
 * 3. Copies every table in dependency order (a table after those its foreign keys name), in
 *    batches of multi-row INSERTs through prepared statements, all in one target transaction:
 *    a failure leaves the target as empty as it was. Migration records are not copied (each
 *    dialect records its own checksums). Serial columns' sequences are set past the copied ids.
 * 4. Verifies each table: the row count and an order-independent checksum of its rows.
 * Exit 0 when every table matches; 1 with a coded message otherwise.
 */
import { createHash } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createLogger, createPluginHost, createServices, migrateCore } from '@rapport/core'
import { openDatabase, parseDatabaseUrl, type Database, type SqlValue } from '@rapport/db'
import BetterSqlite3 from 'better-sqlite3'
import type { ApiConfig } from '../config.js'
import { pluginsToInstall } from '../installed-plugins.js'
import { liveServerOn } from './server-marker.js'

type Print = (line: string) => void
const out: Print = (line) => { process.stdout.write(`${line}\n`) }
const err: Print = (line) => { process.stderr.write(`${line}\n`) }

/** A refusal or failure with a code a script can match on. */
class MigrationError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

/** Rows per INSERT are capped by this and by PostgreSQL's 65,535 parameters per statement. */
const BATCH_ROWS = 500
/** The one table a boot (or `rapport migrate`) fills besides migration records: plugin states. */
const BOOT_WRITTEN = new Set(['core_plugins'])

/**
 * `rapport migrate-to-postgres --to URL` (its own arguments, parsed here).
 * @param config - the configured (SQLite) database and plugins
 * @param argv - the words after the command name
 * @returns the exit code
 * @example await migrateToPostgresCommand(loadConfig(), ['--to', 'postgres://rapport@db/rapport'])
 */
export async function migrateToPostgresCommand(config: ApiConfig, argv: readonly string[]): Promise<number> {
  let to: string | undefined
  try {
    to = parseArgs({ args: [...argv], options: { to: { type: 'string' } }, strict: true }).values.to
  } catch (e) {
    err(`rapport migrate-to-postgres: MIGRATE_ARGUMENTS_INVALID: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
  try {
    await migrateToPostgres(config, to)
    return 0
  } catch (e) {
    if (e instanceof MigrationError) {
      err(`rapport migrate-to-postgres: ${e.code}: ${e.message}`)
      return 1
    }
    throw e
  }
}

async function migrateToPostgres(config: ApiConfig, to: string | undefined): Promise<void> {
  const source = parseDatabaseUrl(config.databaseUrl)
  if (source.kind !== 'sqlite' || source.path === ':memory:') {
    throw new MigrationError('MIGRATE_SOURCE_NOT_SQLITE', `DATABASE_URL must name the SQLite file to migrate from; it is ${source.describe}`)
  }
  if (!to) throw new MigrationError('MIGRATE_TARGET_REQUIRED', 'Name the PostgreSQL database with --to postgres://user@host/database')
  const target = parseDatabaseUrl(to)
  if (target.kind !== 'pg') throw new MigrationError('MIGRATE_TARGET_NOT_POSTGRES', `--to must be a postgres:// URL; got ${target.describe}`)
  const live = liveServerOn(source.path)
  if (live) throw new MigrationError('MIGRATE_SOURCE_IN_USE', `A server (pid ${live.pid}) is running on ${source.describe}; stop it first so no row changes during the copy`)

  out(`Migrating ${source.describe} to ${target.describe}`)
  const pg = await openDatabase(to)
  try {
    await assertEmpty(pg)
    out('Bringing both schemas up to date (core and every plugin)…')
    const sqlite = await openDatabase(source.path)
    try { await boot(config, sqlite) } finally { await sqlite.close() }
    await boot(config, pg)

    const reader = new BetterSqlite3(source.path, { readonly: true, fileMustExist: true })
    try {
      const tables = await plan(reader, pg)
      out(`Copying ${tables.length} tables…`)
      await pg.tx(async (tx) => {
        // The target held no data before its boot: whatever is there now the boot wrote, and the source's rows replace it.
        for (const name of [...tables].reverse()) await tx.run(`DELETE FROM "${name}"`)
        for (const name of tables) await copyTable(reader, tx, name)
        await resetSequences(tx, tables)
      })
      out('Verifying row counts and checksums…')
      const failures: string[] = []
      for (const name of tables) {
        const columns = columnsOf(reader, name)
        const [from, into] = [sqliteDigest(reader, name, columns), await pgDigest(pg, name, columns)]
        const ok = from.rows === into.rows && from.checksum === into.checksum
        out(`  ${name.padEnd(40)} ${String(into.rows).padStart(8)} rows  ${ok ? 'ok' : `MISMATCH (SQLite ${from.rows} rows ${from.checksum.slice(0, 12)}, PostgreSQL ${into.rows} rows ${into.checksum.slice(0, 12)})`}`)
        if (!ok) failures.push(name)
      }
      if (failures.length > 0) throw new MigrationError('MIGRATE_VERIFY_FAILED', `The copy differs from the source in ${failures.join(', ')}`)
      out(`Done: ${tables.length} tables copied and verified. Point DATABASE_URL at ${target.describe} and start the servers.`)
    } finally {
      reader.close()
    }
  } finally {
    await pg.close()
  }
}

/** No table of the target may hold rows, except migration records and plugin states (what `rapport migrate` or a boot writes). */
async function assertEmpty(pg: Database): Promise<void> {
  const tables = await pg.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
  const holding: string[] = []
  for (const { name } of tables) {
    if (name.endsWith('_migrations') || BOOT_WRITTEN.has(name)) continue
    if (await pg.get(`SELECT 1 AS x FROM "${name}" LIMIT 1`)) holding.push(name)
  }
  if (holding.length > 0) {
    throw new MigrationError('MIGRATE_TARGET_NOT_EMPTY', `The target database already holds data (${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}); migrate into an empty database`)
  }
}

/** Runs core's and every plugin's migrations, as `rapport start` does. */
async function boot(config: ApiConfig, db: Database): Promise<void> {
  const log = createLogger({ level: 'warn' })
  await migrateCore(db)
  const services = createServices({ db, log, config: { secret: config.secret, timeZone: config.timeZone, version: config.version } })
  const host = createPluginHost(services, await pluginsToInstall(config.plugins, log))
  const report = await host.start()
  const failed = Object.entries(report.plugins).filter(([, status]) => status.error).map(([name]) => name)
  if (failed.length > 0) throw new MigrationError('MIGRATE_PLUGIN_FAILED', `Plugins failed to start on ${db.describe}: ${failed.join(', ')}`)
}

/** The tables to copy, each after the tables its foreign keys reference; every one must exist on both sides. */
async function plan(reader: BetterSqlite3.Database, pg: Database): Promise<string[]> {
  const names = (reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>)
    .map((r) => r.name).filter((n) => !n.endsWith('_migrations'))
  const onTarget = new Set((await pg.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).map((r) => r.name))
  const missing = names.filter((n) => !onTarget.has(n))
  if (missing.length > 0) throw new MigrationError('MIGRATE_TABLE_MISSING', `Tables of the source have no counterpart on the target (a plugin not installed here?): ${missing.join(', ')}`)
  const ordered: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string) => {
    if (state.get(name)) return
    state.set(name, 'visiting')
    const refs = reader.prepare('SELECT DISTINCT "table" AS ref FROM pragma_foreign_key_list(?)').all(name) as Array<{ ref: string }>
    for (const { ref } of refs) if (ref !== name && names.includes(ref) && state.get(ref) !== 'visiting') visit(ref)
    state.set(name, 'done')
    ordered.push(name)
  }
  for (const name of names) visit(name)
  return ordered
}

function columnsOf(reader: BetterSqlite3.Database, table: string): string[] {
  return (reader.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as Array<{ name: string }>).map((c) => c.name)
}

/** Streams the table out of SQLite and into PostgreSQL in multi-row INSERTs (one prepared statement per batch size). */
async function copyTable(reader: BetterSqlite3.Database, tx: Pick<Database, 'run'>, table: string): Promise<void> {
  const columns = columnsOf(reader, table)
  const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(60_000 / columns.length)))
  const total = (reader.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const insert = (rows: number) => head + Array.from({ length: rows }, () => tuple).join(', ')
  const full = insert(perBatch)
  let batch: SqlValue[] = []
  let rows = 0
  let copied = 0
  let lastShown = 0
  for (const row of reader.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw().iterate() as Iterable<SqlValue[]>) {
    batch.push(...row)
    rows += 1
    if (rows === perBatch) {
      await tx.run(full, batch)
      copied += rows
      batch = []
      rows = 0
      if (copied - lastShown >= 10_000) {
        out(`  ${table}: ${copied} of ${total} rows`)
        lastShown = copied
      }
    }
  }
  if (rows > 0) await tx.run(insert(rows), batch)
  out(`  ${table}: ${copied + rows} rows copied`)
}

/** Moves each serial column's sequence past the largest copied id, so new rows do not collide. */
async function resetSequences(tx: Pick<Database, 'all' | 'get'>, tables: readonly string[]): Promise<void> {
  const serials = await tx.all<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'")
  for (const { table_name: table, column_name: column } of serials) {
    if (!tables.includes(table)) continue
    await tx.get(`SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX("${column}") FROM "${table}"), 0) + 1, false) AS v`, [`"${table}"`, column])
  }
}

type Digest = { rows: number; checksum: string }

/**
 * One row's values in a form both drivers agree on: numbers and numeric text alike as text,
 * booleans as 0/1, bytes as hex, null as null.
 */
function canonical(values: readonly unknown[]): string {
  return JSON.stringify(values.map((v) => {
    if (v === null || v === undefined) return null
    if (typeof v === 'boolean') return v ? '1' : '0'
    if (typeof v === 'number' || typeof v === 'bigint') return String(v)
    if (v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`
    return String(v)
  }))
}

/** An order-independent checksum: the sum, modulo 2^128, of each row's SHA-256 prefix. */
class RowChecksum {
  private sum = 0n
  private rows = 0
  add(row: readonly unknown[]): void {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(canonical(row)).digest('hex').slice(0, 32)}`)) % (1n << 128n)
    this.rows += 1
  }
  result(): Digest {
    return { rows: this.rows, checksum: this.sum.toString(16).padStart(32, '0') }
  }
}

function sqliteDigest(reader: BetterSqlite3.Database, table: string, columns: readonly string[]): Digest {
  const checksum = new RowChecksum()
  for (const row of reader.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) checksum.add(row)
  return checksum.result()
}

/** The same digest on PostgreSQL, read in pages (keyset on the row's ctid) so a large table is never held whole. */
async function pgDigest(pg: Database, table: string, columns: readonly string[]): Promise<Digest> {
  const checksum = new RowChecksum()
  const list = columns.map((c) => `"${c}"`).join(', ')
  const pageSize = 5000
  let after = '(0,0)'
  for (;;) {
    const page = await pg.all<Record<string, unknown>>(`SELECT ctid::text AS rapport_ctid, ${list} FROM "${table}" WHERE ctid > ?::tid ORDER BY ctid LIMIT ${pageSize}`, [after])
    for (const r of page) checksum.add(columns.map((c) => r[c]))
    if (page.length < pageSize) break
    after = String(page[page.length - 1]!.rapport_ctid)
  }
  return checksum.result()
}

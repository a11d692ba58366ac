/**
 * @module
 * The one way Rapport opens its database, chosen by the configured URL.
 */
import { createDatabase } from './create-database.js'
import type { DriverAdapter, LogFn } from './driver-adapter.js'
import { parseDatabaseUrl } from './parse-database-url.js'
import { openPgAdapter } from './pg-adapter.js'
import { openPgliteAdapter } from './pglite-adapter.js'
import { openSqliteAdapter } from './sqlite-adapter.js'
import type { Database } from './types.js'

/**
 * Options of {@link openDatabase}.
 * @example
 * const options: OpenDatabaseOptions = { log: (msg) => console.log(msg) }
 */
export type OpenDatabaseOptions = {
  /** Receives one line when the database opens and any failure that cannot be thrown. */
  log?: LogFn
}

/**
 * Opens a database: `postgres://…` / `postgresql://…` (a pool of 16, connecting lazily),
 * `pglite:` or `pglite://memory` (in-memory PGlite), `pglite:./dir` (PGlite on disk), and
 * anything else as a SQLite file (`sqlite:` / `file:` prefixes and `:memory:` accepted; the
 * folder is created). Drivers load on demand, so a SQLite install never loads pg or PGlite.
 * @param url - the database URL or SQLite path
 * @param options - a log sink
 * @throws DbError `DB_URL_INVALID` for an empty or unparsable URL or an unknown `scheme://`
 * @example
 * const db = await openDatabase('./data/rapport.db')
 * const db2 = await openDatabase(process.env.DATABASE_URL ?? 'pglite://memory', { log: (m) => logger.info(m) })
 */
export async function openDatabase(url: string, { log = () => {} }: OpenDatabaseOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url)
  let adapter: DriverAdapter
  if (target.kind === 'pg') adapter = await openPgAdapter(target, log)
  else if (target.kind === 'pglite') adapter = await openPgliteAdapter(target)
  else adapter = await openSqliteAdapter(target, log)
  log(`database opened: ${target.describe}`)
  return createDatabase(adapter, log)
}

/**
 * @module
 * `@rapport/db`: open a database (SQLite, PostgreSQL or PGlite) behind one async API, declare
 * tables once for both dialects, and migrate each owner separately.
 * @example
 * import { openDatabase, migrate, createTables, table, t } from '@rapport/db'
 * const db = await openDatabase(process.env.DATABASE_URL ?? './data/rapport.db')
 * await migrate(db, 'core', [createTables('0001_init', [table('core_customers', { id: t.text().primaryKey() })])])
 */
export type { Database, Dialect, Queryable, Row, SqlValue } from './types.js'
export { DbError, dbErrorCodes, type DbErrorCode, type DbErrorOptions } from './db-error.js'
export { openDatabase, type OpenDatabaseOptions } from './open-database.js'
export { parseDatabaseUrl, type DatabaseTarget } from './parse-database-url.js'
export type { LogFn } from './driver-adapter.js'
export { createMutex, type AsyncMutex } from './async-mutex.js'
export { createGroupTx, type GroupTx, type GroupTxOptions } from './group-tx.js'
export { transactionMemo, type UndoableMemo } from './tx-memo.js'
export { toPgPlaceholders } from './placeholders.js'
export { bindParams } from './bind-params.js'
export * from './table-kit.js'
export { createTables, migrationChecksum, migrationStatements, type Migration } from './migration.js'
export { migrate } from './migrate.js'
export * from './drizzle.js'

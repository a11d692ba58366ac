/**
 * @module
 * What a migration is, and how to build one from table-kit tables.
 */
import { createHash } from 'node:crypto'
import { createTableSql } from './table-kit/create-table-sql.js'
import type { Table } from './table-kit/table.js'
import type { Dialect } from './types.js'

/**
 * One schema step of one owner, written for both dialects. Ids sort as strings (`0001_init`).
 * @example
 * const m: Migration = { id: '0002_add_tier', sqlite: 'ALTER TABLE points_accounts ADD COLUMN tier TEXT', pg: 'ALTER TABLE points_accounts ADD COLUMN tier TEXT' }
 */
export type Migration = { id: string; sqlite: string | string[]; pg: string | string[] }

/**
 * A migration that creates tables and their indexes.
 * @param id - the migration id, e.g. `0001_init`
 * @param tables - tables of one owner
 * @example
 * export const migrations = [createTables('0001_init', [accounts, ledger])]
 */
export function createTables(id: string, tables: readonly Table[]): Migration {
  return {
    id,
    sqlite: tables.flatMap((table) => createTableSql(table, 'sqlite')),
    pg: tables.flatMap((table) => createTableSql(table, 'pg')),
  }
}

/**
 * The statements of a migration for one dialect.
 * @param migration - the migration
 * @param dialect - the running database's dialect
 * @example
 * migrationStatements({ id: '0001', sqlite: 'CREATE TABLE a (id TEXT)', pg: [] }, 'sqlite') // ['CREATE TABLE a (id TEXT)']
 */
export function migrationStatements(migration: Migration, dialect: Dialect): string[] {
  const sql = migration[dialect]
  return typeof sql === 'string' ? [sql] : sql
}

/**
 * The sha256 of what a migration runs on this dialect. Only this dialect's SQL counts: a fix to
 * the PostgreSQL text must not fail every SQLite install that applied the migration.
 * @param migration - the migration
 * @param dialect - the running database's dialect
 * @example
 * migrationChecksum(createTables('0001_init', [accounts]), 'pg') // '9f2c…' (64 hex characters)
 */
export function migrationChecksum(migration: Migration, dialect: Dialect): string {
  return createHash('sha256').update(JSON.stringify(migrationStatements(migration, dialect))).digest('hex')
}

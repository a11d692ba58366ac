/**
 * @module
 * Renders a table-kit {@link Table} as DDL for one dialect.
 */
import type { Dialect } from '../types.js'
import type { ColumnKind } from './column.js'
import { sqlLiteral } from './sql-literal.js'
import type { Column, Table } from './table.js'

const TYPES: Record<Dialect, Record<ColumnKind, string>> = {
  sqlite: {
    text: 'TEXT', integer: 'INTEGER', bigint: 'INTEGER', real: 'REAL', boolean: 'INTEGER',
    json: 'TEXT', timestamp: 'TEXT', blob: 'BLOB', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  },
  pg: {
    text: 'TEXT', integer: 'INTEGER', bigint: 'BIGINT', real: 'DOUBLE PRECISION', boolean: 'SMALLINT',
    json: 'TEXT', timestamp: 'TEXT', blob: 'BYTEA', serial: 'BIGSERIAL PRIMARY KEY',
  },
}

/** Identifiers are quoted so a column may be called `order` or `group` on both dialects. */
const quote = (name: string) => `"${name}"`

/**
 * The statements that create a table and its indexes, all `IF NOT EXISTS`.
 * @param table - a table from `table()`
 * @param dialect - which SQL to write
 * @example
 * for (const sql of createTableSql(customers, db.dialect)) await db.exec(sql)
 * // ['CREATE TABLE IF NOT EXISTS "core_customers" (\n  "id" TEXT PRIMARY KEY, ...)', 'CREATE INDEX IF NOT EXISTS ...']
 */
export function createTableSql(table: Table, dialect: Dialect): string[] {
  const lines = Object.values(table.columns as Record<string, Column>).map((column) => columnSql(column, dialect))
  if (table.primaryKey) lines.push(`PRIMARY KEY (${table.primaryKey.map(quote).join(', ')})`)
  for (const names of table.uniques) lines.push(`UNIQUE (${names.map(quote).join(', ')})`)
  const create = `CREATE TABLE IF NOT EXISTS ${quote(table.name)} (\n  ${lines.join(',\n  ')}\n)`
  const indexes = table.indexes.map(
    (index) =>
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(index.name)} ON ${quote(table.name)} (${index.columns.map(quote).join(', ')})`,
  )
  return [create, ...indexes]
}

function columnSql(column: Column, dialect: Dialect): string {
  const parts = [quote(column.name), TYPES[dialect][column.kind]]
  if (column.kind === 'serial') return parts.join(' ')
  if (column.primaryKey) parts.push('PRIMARY KEY')
  if (column.notNull) parts.push('NOT NULL')
  if (column.unique) parts.push('UNIQUE')
  if (column.default) parts.push(`DEFAULT ${sqlLiteral(column.default.value)}`)
  // Keeps 0/1 the only stored values, so a boolean column reads the same on both dialects.
  if (column.kind === 'boolean') parts.push(`CHECK (${quote(column.name)} IN (0, 1))`)
  if (column.references) {
    const { table, column: target, onDelete } = column.references
    parts.push(`REFERENCES ${quote(table)} (${quote(target)})`)
    if (onDelete) parts.push(`ON DELETE ${onDelete.toUpperCase()}`)
  }
  return parts.join(' ')
}

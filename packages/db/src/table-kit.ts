/**
 * @module
 * table-kit: declare a table once, get SQLite and PostgreSQL DDL.
 * @example
 * export const customers = table('core_customers', { id: t.text().primaryKey(), createdAt: t.timestamp().notNull() })
 * createTableSql(customers, 'pg')
 */
export { ColumnBuilder, t, type ColumnKind, type ColumnSpec, type DefaultValue, type ForeignKey, type OnDelete } from './table-kit/column.js'
export { createTableSql } from './table-kit/create-table-sql.js'
export { snakeCase } from './table-kit/snake-case.js'
export { sqlLiteral } from './table-kit/sql-literal.js'
export { table, type Column, type ColumnBuilders, type Index, type IndexOption, type Table, type TableOptions } from './table-kit/table.js'

/**
 * @module
 * The SQLite column kit: how each portable column type is stored by sqlite-core. Runtime only:
 * portable schemas are typed by the PostgreSQL kit (column-kit.ts says why).
 */
import { blob, index, integer, primaryKey, real, sqliteTable, text, unique, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { ColumnKit } from './column-kit.js'
import { namedColumns } from './named-columns.js'

/**
 * The portable column types on SQLite, the storage table-kit's DDL renderer gives them: times
 * ISO-8601 TEXT, JSON TEXT, booleans INTEGER 0/1, bigint INTEGER.
 * @example
 * const accounts = sqliteKit.table('points_accounts', { id: sqliteKit.text().primaryKey() })
 */
export const sqliteKit = {
  text: () => text(),
  integer: () => integer(),
  bigint: () => integer(),
  real: () => real(),
  boolean: () => integer({ mode: 'boolean' }),
  json: () => text({ mode: 'json' }),
  timestamp: () => text(),
  blob: () => blob({ mode: 'buffer' }),
  serial: () => integer().primaryKey({ autoIncrement: true }),
  table: (name: string, columns: Record<string, unknown>, extra?: unknown) => sqliteTable(name, namedColumns(columns) as never, extra as never),
  index,
  uniqueIndex,
  unique,
  primaryKey,
} as unknown as ColumnKit

/**
 * @module
 * The PostgreSQL column kit: how each portable column type is stored by pg-core. Its types are
 * the typed face of every portable schema (see column-kit.ts), so it is also what query code sees.
 */
import { bigint, bigserial, customType, doublePrecision, index, integer, pgTable, primaryKey, text, unique, uniqueIndex } from 'drizzle-orm/pg-core'
import { namedColumns } from './named-columns.js'

/** 0/1 in a SMALLINT, read as a boolean: the stored values are the SQLite ones, so data moves between dialects unchanged. */
const smallintBoolean = customType<{ data: boolean; driverData: number }>({
  dataType: () => 'smallint',
  toDriver: (value) => (value ? 1 : 0),
  fromDriver: (value) => Number(value) === 1,
})

/** JSON kept as TEXT on both dialects (what today's migrations create), parsed on read. */
const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
})

/** Binary data: BYTEA, read as a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/**
 * The portable column types on PostgreSQL. Same storage as table-kit's DDL renderer: times are
 * ISO-8601 TEXT (they sort and compare alike on both dialects), JSON is TEXT, booleans 0/1.
 * @example
 * const accounts = pgKit.table('points_accounts', { id: pgKit.text().primaryKey(), balance: pgKit.bigint().notNull() })
 */
export const pgKit = {
  text: () => text(),
  integer: () => integer(),
  /** Integer minor units and sequence numbers: far below 2^53, read as numbers. */
  bigint: () => bigint({ mode: 'number' }),
  real: () => doublePrecision(),
  boolean: () => smallintBoolean(),
  /** A JSON value stored as text; give its type: `json<string[]>()`. */
  json: <T = unknown>() => jsonText().$type<T>(),
  timestamp: () => text(),
  blob: () => bytea(),
  /** An auto-increment primary key. */
  serial: () => bigserial({ mode: 'number' }).primaryKey(),
  /** A table whose camelCase keys become snake_case column names. */
  table: ((name: string, columns: Record<string, unknown>, extra?: unknown) =>
    pgTable(name, namedColumns(columns) as never, extra as never)) as unknown as typeof pgTable,
  index,
  uniqueIndex,
  unique,
  primaryKey,
}

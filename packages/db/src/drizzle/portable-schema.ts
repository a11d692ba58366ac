/**
 * @module
 * `portableSchema(body)`: one table declaration, the sqlite-core and pg-core tables it yields.
 */
import type { Dialect } from '../types.js'
import type { ColumnKit } from './column-kit.js'
import { pgKit } from './pg-columns.js'
import { sqliteKit } from './sqlite-columns.js'

/**
 * The tables of one schema body on each dialect, typed by the PostgreSQL face (column-kit.ts).
 * @example
 * const { users } = coreSchema.of(db) // the tables of db's dialect
 */
export type PortableSchema<T> = {
  readonly sqlite: T
  readonly pg: T
  /** The tables for a database, transaction or dialect. */
  of(target: Dialect | { readonly dialect: Dialect }): T
}

/**
 * Declares tables once for both dialects. The body must only build tables with the kit it gets.
 * @param body - camelCase keys to tables built with `k.table(...)`
 * @example
 * export const coreSchema = portableSchema((k) => ({
 *   users: k.table('core_users', { id: k.text().primaryKey(), email: k.text().notNull().unique() }),
 * }))
 * type User = typeof coreSchema.pg.users.$inferSelect
 */
export function portableSchema<T>(body: (k: ColumnKit) => T): PortableSchema<T> {
  const sqlite = body(sqliteKit)
  const pg = body(pgKit)
  return { sqlite, pg, of: (target) => ((typeof target === 'string' ? target : target.dialect) === 'sqlite' ? sqlite : pg) }
}

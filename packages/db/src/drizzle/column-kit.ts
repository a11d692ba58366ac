/**
 * @module
 * One portable table declaration for both dialects: a schema body is a function of a column kit,
 * called once with the SQLite kit and once with the PostgreSQL kit.
 *
 * Why the PostgreSQL kit types both: one function has one return type, so one face must type the
 * tables and the queries written over them. The pg face is the safe one: what it offers (awaiting
 * a builder, `.prepare(name).execute(values)`, `.returning()`, `onConflictDo*`) exists on SQLite's
 * async builders too, while SQLite's extras (`.get()`, `.all()`, `.run()`) would fail on
 * PostgreSQL at run time. Every suite runs on both dialects, so a pg-only call (`.for('update')`)
 * fails there.
 */
import type { pgKit } from './pg-columns.js'

/**
 * The column kit a schema body receives.
 * @example
 * const body = (k: ColumnKit) => ({ users: k.table('core_users', { id: k.text().primaryKey() }) })
 */
export type ColumnKit = typeof pgKit

/**
 * @module
 * PGlite: a real PostgreSQL compiled to WASM, in process, one connection. It is what the tests
 * use for the PostgreSQL dialect, and a zero-install option for development.
 */
import { mkdirSync } from 'node:fs'
import type { PGlite, Transaction } from '@electric-sql/pglite'
import { bindParams } from './bind-params.js'
import type { DriverAdapter } from './driver-adapter.js'
import { pgNumberParsers } from './pg-type-parsers.js'
import { toPgPlaceholders } from './placeholders.js'
import type { Queryable, Row } from './types.js'

/**
 * Starts PGlite in memory (`dataDir` undefined) or on disk. Takes several seconds.
 * @param target - the data folder, or undefined for memory, and the description
 * @example
 * const adapter = await openPgliteAdapter({ dataDir: undefined, describe: 'pglite:memory' })
 */
export async function openPgliteAdapter(target: { dataDir: string | undefined; describe: string }): Promise<DriverAdapter> {
  const { PGlite } = await import('@electric-sql/pglite')
  if (target.dataDir !== undefined) mkdirSync(target.dataDir, { recursive: true })
  const pglite = await PGlite.create({ dataDir: target.dataDir, parsers: pgNumberParsers })
  return {
    dialect: 'pg',
    describe: target.describe,
    direct: pgliteQueryable(pglite),
    // PGlite's own transaction() holds its transaction mutex until COMMIT/ROLLBACK, and
    // pglite.query() takes that same mutex, so statements from other async contexts wait for
    // the transaction instead of landing inside it on the single connection.
    transaction: (fn) => pglite.transaction((tx) => fn(pgliteQueryable(tx))),
    // close() also takes the transaction mutex, so it waits for a running transaction.
    close: async () => {
      if (!pglite.closed) await pglite.close()
    },
  }
}

function pgliteQueryable(target: PGlite | Transaction): Queryable {
  const query = <T>(sql: string, params?: readonly unknown[]) => target.query<T>(toPgPlaceholders(sql), bindParams(params))
  return {
    dialect: 'pg',
    async all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await query<T>(sql, params)).rows
    },
    async get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
      return (await query<T>(sql, params)).rows[0]
    },
    async values(sql, params) {
      return (await target.query<unknown[]>(toPgPlaceholders(sql), bindParams(params), { rowMode: 'array' })).rows
    },
    async run(sql, params) {
      const result = await query(sql, params)
      return { changes: result.affectedRows ?? result.rowCount ?? 0 }
    },
    async exec(sql) {
      await target.exec(sql)
    },
  }
}

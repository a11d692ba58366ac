/**
 * @module
 * PostgreSQL through a node-postgres pool. Nothing connects until the first query, so opening
 * never fails on an unreachable server; `ping()` is the readiness check. A URL naming this
 * machine is served over the server's Unix socket when it can be (pg-unix-socket.ts). A transaction the server
 * aborts as a deadlock victim or a serialization failure is run again from the start (several
 * API processes writing the same customers in different orders meet this; PostgreSQL's advice is
 * to retry), so its body must do nothing but database work, as every transaction here does.
 */
import type { Pool, PoolClient } from 'pg'
import type { DriverAdapter, LogFn } from './driver-adapter.js'
import { NUMERIC_TYPE_OIDS } from './pg-type-parsers.js'
import { pgQuery } from './pg-query.js'
import { preferUnixSocket } from './pg-unix-socket.js'
import type { Queryable, Row } from './types.js'

/**
 * Opens a pool (at most {@link POOL_SIZE} connections) with int8 and numeric parsed to numbers.
 * @param target - the connection string and its password-free description
 * @param log - receives errors of idle pooled clients and failed ROLLBACKs
 * @example
 * const adapter = await openPgAdapter({ connectionString: 'postgres://app:pw@db/rapport', describe: 'postgres://app@db/rapport' }, console.log)
 */
export async function openPgAdapter(target: { connectionString: string; describe: string }, log: LogFn): Promise<DriverAdapter> {
  const { default: pg } = await import('pg')
  const numeric = new Set<number>(Object.values(NUMERIC_TYPE_OIDS))
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
    numeric.has(oid) ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
  // Made on first use, so opening never connects: then the URL is checked for a Unix socket (pg-unix-socket.ts).
  let opening: Promise<Pool> | undefined
  const pool = () => (opening ??= preferUnixSocket(pg, target.connectionString).then((connectionString) => {
    // Per-pool parsers instead of pg.types.setTypeParser, which would change every pool in the process.
    const made = new pg.Pool({ connectionString, max: POOL_SIZE, types: { getTypeParser } })
    // Without a listener, an idle client losing its connection emits 'error' and kills the process.
    made.on('error', (err) => log(`idle PostgreSQL client error on ${target.describe}: ${err.message}`))
    return made
  }))
  const running = new Set<Promise<unknown>>()

  const transaction = async <T>(fn: (conn: Queryable) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await attemptTransaction(fn)
      } catch (err) {
        const code = retryableCode(err)
        if (!code || attempt >= MAX_ATTEMPTS) throw err
        log(`transaction on ${target.describe} aborted by the server (${code}), running it again (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`)
        // A random pause, so the transactions that collided do not collide again in step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt))
      }
    }
  }

  const attemptTransaction = async <T>(fn: (conn: Queryable) => Promise<T>): Promise<T> => {
    const client = await (await pool()).connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      const result = await fn(pgQueryable(client))
      await client.query('COMMIT')
      return result
    } catch (err) {
      try {
        await client.query('ROLLBACK')
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))
        log(`ROLLBACK failed on ${target.describe}: ${broken.message}`)
      }
      throw err
    } finally {
      // Releasing with an error destroys the client instead of returning a half-open transaction to the pool.
      client.release(broken)
    }
  }

  return {
    dialect: 'pg',
    describe: target.describe,
    connections: POOL_SIZE,
    direct: lazyQueryable(async () => pgQueryable(await pool())),
    transaction(fn) {
      const done = transaction(fn)
      const settled: Promise<unknown> = done.then(
        () => running.delete(settled),
        () => running.delete(settled),
      )
      running.add(settled)
      return done
    },
    async close() {
      await Promise.all(running)
      if (opening) await (await opening).end()
    },
  }
}

/**
 * Connections per process: the group commit writes up to half of them at once (several groups in
 * flight); the rest serve reads, after-commit deliveries and jobs. Three processes hold 48 of
 * PostgreSQL's default 100.
 */
const POOL_SIZE = 16

/** deadlock_detected and serialization_failure: the server rolled the transaction back and says to retry it. */
const RETRYABLE = new Set(['40P01', '40001'])
const MAX_ATTEMPTS = 4

/** The SQLSTATE of a retryable failure, looked up through wrapping errors' `cause` (a plugin's fault wraps the driver's). */
function retryableCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && RETRYABLE.has(code)) return code
  }
  return undefined
}

/** A queryable whose pool is made on its first statement. */
function lazyQueryable(open: () => Promise<Queryable>): Queryable {
  let made: Promise<Queryable> | undefined
  const q = () => (made ??= open())
  return {
    dialect: 'pg',
    all: async (sql, params) => (await q()).all(sql, params),
    get: async (sql, params) => (await q()).get(sql, params),
    run: async (sql, params) => (await q()).run(sql, params),
    values: async (sql, params) => (await q()).values!(sql, params),
    exec: async (sql) => (await q()).exec(sql),
  }
}

function pgQueryable(client: Pool | PoolClient): Queryable {
  return {
    dialect: 'pg',
    async all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await client.query(pgQuery(sql, params))).rows as T[]
    },
    async get<T = Row>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
      return (await client.query(pgQuery(sql, params))).rows[0] as T | undefined
    },
    async run(sql, params) {
      return { changes: (await client.query(pgQuery(sql, params))).rowCount ?? 0 }
    },
    async values(sql, params) {
      return (await client.query({ ...pgQuery(sql, params), rowMode: 'array' })).rows as unknown[][]
    },
    async exec(sql) {
      // The simple protocol (no parameters, no name) is the one that accepts several statements.
      await client.query(sql)
    },
  }
}

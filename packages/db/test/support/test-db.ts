/**
 * @module
 * Test databases, one per dialect, drizzle-style: a shared suite runs `describe.each(dialects)`.
 * A real PostgreSQL joins the list when RAPPORT_TEST_POSTGRES_URL (or RAPPORT_TEST_PG_URL) is set.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Database } from '../../src/index.js'

/** Which engine a test runs on. `pglite` and `postgres` both have `db.dialect === 'pg'`. */
export type TestDialect = 'sqlite' | 'pglite' | 'postgres'

const pgUrl = process.env.RAPPORT_TEST_POSTGRES_URL ?? process.env.RAPPORT_TEST_PG_URL

/** The dialects every shared suite runs on. */
export const dialects: TestDialect[] = ['sqlite', 'pglite', ...(pgUrl ? (['postgres'] as const) : [])]

/** One open test database: `reset()` drops every table, `close()` also removes temp files. */
export type TestDb = { db: Database; reset(): Promise<void>; close(): Promise<void> }

/** Timeout for a beforeAll that starts PGlite. */
export const START_TIMEOUT = 30_000

/**
 * Opens a database for one test file: SQLite in a temp folder, PGlite in memory.
 * @example
 * beforeAll(async () => { h = await createTestDb(dialect) }, START_TIMEOUT)
 */
export async function createTestDb(dialect: TestDialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-db-'))
    const db = await openDatabase(join(dir, 'test.db'))
    return {
      db,
      reset: () => dropSqliteTables(db),
      close: async () => {
        await db.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  if (dialect === 'pglite') {
    const db = await openDatabase('pglite://memory')
    return { db, reset: () => db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public'), close: () => db.close() }
  }
  // Test files run in parallel against one server: each gets its own schema via search_path.
  const schema = `rapport_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const url = new URL(pgUrl as string)
  url.searchParams.set('options', `-c search_path=${schema}`)
  const db = await openDatabase(url.toString())
  const recreate = `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`
  await db.exec(recreate)
  return {
    db,
    reset: () => db.exec(recreate),
    close: async () => {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await db.close()
    },
  }
}

async function dropSqliteTables(db: Database): Promise<void> {
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
  if (tables.length === 0) return
  const drops = tables.map((t) => `DROP TABLE IF EXISTS "${t.name}";`).join('\n')
  await db.exec(`PRAGMA foreign_keys = OFF;\n${drops}\nPRAGMA foreign_keys = ON;`)
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * A promise with its resolve function, for holding a transaction open.
 * @example
 * const gate = deferred(); const done = db.tx(async () => { await gate.promise }); gate.resolve()
 */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

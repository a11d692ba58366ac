import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTables, DbError, migrate, t, table, type Migration } from '../src/index.js'
import { createTestDb, dialects, START_TIMEOUT, type TestDb } from './support/test-db.js'
import { customers, orders } from './support/tables.js'

const accounts = table('points_accounts', { customerId: t.text().primaryKey(), balance: t.bigint().notNull().default(0) })
const same = (sql: string): Migration => ({ id: '', sqlite: sql, pg: sql })
const coreMigrations: Migration[] = [
  createTables('0001_init', [customers, orders]),
  { ...same('ALTER TABLE core_customers ADD COLUMN locale TEXT'), id: '0002_locale' },
]
const pointsMigrations: Migration[] = [
  createTables('0001_init', [accounts]),
  { id: '0002_seed', sqlite: ["INSERT INTO points_accounts (customer_id) VALUES ('c1')"], pg: ["INSERT INTO points_accounts (customer_id) VALUES ('c1')"] },
]

const codeOf = async (promise: Promise<unknown>) => {
  const err = await promise.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(DbError)
  return err as DbError
}

describe.each(dialects)('migrations on %s', (dialect) => {
  let h: TestDb
  const ids = async (owner: string) => (await h.db.all<{ id: string }>(`SELECT id FROM ${owner}_migrations ORDER BY id`)).map((r) => r.id)
  beforeAll(async () => {
    h = await createTestDb(dialect)
  }, START_TIMEOUT)
  beforeEach(() => h.reset())
  afterAll(() => h.close())

  it('applies pending migrations in order and nothing on a second run', async () => {
    expect(await migrate(h.db, 'core', coreMigrations)).toEqual({ applied: ['0001_init', '0002_locale'] })
    expect(await migrate(h.db, 'core', coreMigrations)).toEqual({ applied: [] })
    await h.db.run('INSERT INTO core_customers (id, external_id, created_at, locale) VALUES (?, ?, ?, ?)', ['c1', 'x1', '2024-01-01T00:00:00.000Z', 'zh-CN'])
    const row = await h.db.get<{ checksum: string; applied_at: string }>('SELECT checksum, applied_at FROM core_migrations WHERE id = ?', ['0001_init'])
    expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(Number.isNaN(Date.parse(row?.applied_at ?? ''))).toBe(false)
  })

  it('applies only what was added since', async () => {
    await migrate(h.db, 'core', coreMigrations.slice(0, 1))
    expect(await migrate(h.db, 'core', coreMigrations)).toEqual({ applied: ['0002_locale'] })
  })

  it('keeps each owner in its own migrations table', async () => {
    await migrate(h.db, 'core', coreMigrations)
    expect(await migrate(h.db, 'points', pointsMigrations)).toEqual({ applied: ['0001_init', '0002_seed'] })
    expect(await ids('core')).toEqual(['0001_init', '0002_locale'])
    expect(await ids('points')).toEqual(['0001_init', '0002_seed'])
    expect(await h.db.get('SELECT balance FROM points_accounts')).toEqual({ balance: 0 })
  })

  it('detects an applied migration whose SQL changed', async () => {
    await migrate(h.db, 'points', pointsMigrations)
    const edited = [pointsMigrations[0] as Migration, { ...(pointsMigrations[1] as Migration), [h.db.dialect]: ["INSERT INTO points_accounts (customer_id) VALUES ('c2')"] }]
    const err = await codeOf(migrate(h.db, 'points', edited))
    expect(err.code).toBe('DB_MIGRATION_CHANGED')
    expect(err.message).toContain('points/0002_seed')
    expect(err.details).toEqual({ owner: 'points', id: '0002_seed' })
  })

  it('rolls back a failing migration and records nothing for it', async () => {
    const broken: Migration = { id: '0002_broken', sqlite: ['CREATE TABLE points_extra (id TEXT)', 'SELECT * FROM nowhere'], pg: ['CREATE TABLE points_extra (id TEXT)', 'SELECT * FROM nowhere'] }
    await expect(migrate(h.db, 'points', [pointsMigrations[0] as Migration, broken])).rejects.toThrow(/nowhere/)
    expect(await ids('points')).toEqual(['0001_init'])
    await expect(h.db.all('SELECT * FROM points_extra')).rejects.toThrow()
  })

  it('refuses unsorted or duplicate ids and invalid owners before touching the database', async () => {
    const [first, second] = coreMigrations as [Migration, Migration]
    expect((await codeOf(migrate(h.db, 'core', [second, first]))).code).toBe('DB_MIGRATION_ORDER')
    expect((await codeOf(migrate(h.db, 'core', [first, first]))).code).toBe('DB_MIGRATION_ORDER')
    expect((await codeOf(migrate(h.db, 'Core-Plugin', [first]))).code).toBe('DB_OWNER_INVALID')
    expect(await h.db.all(h.db.dialect === 'sqlite' ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'" : 'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()')).toEqual([])
  })
})

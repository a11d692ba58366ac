import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTableSql, snakeCase, t, table } from '../src/index.js'
import { createTestDb, dialects, START_TIMEOUT, type TestDb } from './support/test-db.js'
import { customers, orders } from './support/tables.js'

describe('table-kit declarations', () => {
  it('names columns in snake_case and keeps the table name', () => {
    expect(customers.name).toBe('core_customers')
    expect(customers.columns.externalId.name).toBe('external_id')
    expect(customers.columns.amountMinor.name).toBe('amount_minor')
    expect(orders.indexes).toEqual([{ name: 'core_orders_customer_id_idx', columns: ['customer_id'], unique: false }])
  })

  it.each([
    ['externalId', 'external_id'],
    ['userID', 'user_id'],
    ['npsV2', 'nps_v2'],
    ['id', 'id'],
  ])('snakeCase(%s) is %s', (key, name) => expect(snakeCase(key)).toBe(name))

  it('renders SQLite DDL', () => {
    const [create, index] = createTableSql(customers, 'sqlite')
    expect(create).toContain('"id" TEXT PRIMARY KEY')
    expect(create).toContain('"external_id" TEXT NOT NULL UNIQUE')
    expect(create).toContain('"amount_minor" INTEGER NOT NULL DEFAULT 0')
    expect(create).toContain('"score" REAL,')
    expect(create).toContain('"active" INTEGER NOT NULL DEFAULT 1 CHECK ("active" IN (0, 1))')
    expect(create).toContain(`"attributes" TEXT NOT NULL DEFAULT '{}'`)
    expect(create).toContain(`"note" TEXT DEFAULT 'it''s'`)
    expect(create).toContain('"avatar" BLOB')
    expect(index).toBe('CREATE INDEX IF NOT EXISTS "core_customers_created" ON "core_customers" ("created_at", "id")')
    expect(createTableSql(orders, 'sqlite')[0]).toContain('"seq" INTEGER PRIMARY KEY AUTOINCREMENT')
  })

  it('renders PostgreSQL DDL', () => {
    const [create] = createTableSql(customers, 'pg')
    expect(create).toMatch(/^CREATE TABLE IF NOT EXISTS "core_customers" \(/)
    expect(create).toContain('"amount_minor" BIGINT NOT NULL DEFAULT 0')
    expect(create).toContain('"score" DOUBLE PRECISION')
    expect(create).toContain('"active" SMALLINT NOT NULL DEFAULT 1')
    expect(create).toContain('"avatar" BYTEA')
    const [ordersSql] = createTableSql(orders, 'pg')
    expect(ordersSql).toContain('"seq" BIGSERIAL PRIMARY KEY')
    expect(ordersSql).toContain('REFERENCES "core_customers" ("id") ON DELETE CASCADE')
    expect(ordersSql).toContain('UNIQUE ("customer_id", "number")')
  })

  it('renders a composite primary key and a unique index', () => {
    const links = table('core_links', { a: t.text().notNull(), b: t.text().notNull() }, {
      primaryKey: ['a', 'b'],
      indexes: [{ name: 'core_links_b', columns: ['b'], unique: true }],
    })
    expect(createTableSql(links, 'pg')).toEqual([
      'CREATE TABLE IF NOT EXISTS "core_links" (\n  "a" TEXT NOT NULL,\n  "b" TEXT NOT NULL,\n  PRIMARY KEY ("a", "b")\n)',
      'CREATE UNIQUE INDEX IF NOT EXISTS "core_links_b" ON "core_links" ("b")',
    ])
  })

  it('refuses foreign keys to another owner, unknown keys, two primary keys and bad names', () => {
    expect(() => table('points_ledger', { customerId: t.text().references('core_customers', 'id') })).toThrow(/another owner/)
    expect(() => table('core_a', { id: t.text() }, { indexes: [{ columns: ['nope' as 'id'] }] })).toThrow(/unknown column key "nope"/)
    expect(() => table('core_a', { id: t.text().primaryKey(), seq: t.serial() })).toThrow(/more than one primary key/)
    expect(() => table('Core-A', { id: t.text() })).toThrow(/must match/)
    expect(() => t.blob().default(null)).toThrow(/cannot have a default/)
  })
})

describe.each(dialects)('table-kit tables on %s', (dialect) => {
  let h: TestDb
  const create = async () => {
    for (const sql of [...createTableSql(customers, h.db.dialect), ...createTableSql(orders, h.db.dialect)]) await h.db.exec(sql)
  }
  beforeAll(async () => {
    h = await createTestDb(dialect)
  }, START_TIMEOUT)
  beforeEach(async () => {
    await h.reset()
    await create()
  })
  afterAll(() => h.close())

  it('creates working tables, idempotently, with defaults applied', async () => {
    await create()
    await h.db.run('INSERT INTO core_customers (id, external_id, created_at) VALUES (?, ?, ?)', ['c1', 'x1', '2024-05-01T10:00:00.000Z'])
    expect(await h.db.get('SELECT amount_minor, visits, active, attributes, note, score FROM core_customers')).toEqual({
      amount_minor: 0, visits: 0, active: 1, attributes: '{}', note: "it's", score: null,
    })
  })

  it('enforces unique, boolean and foreign-key constraints, and cascades deletes', async () => {
    await h.db.run('INSERT INTO core_customers (id, external_id, created_at) VALUES (?, ?, ?)', ['c1', 'x1', '2024-05-01T10:00:00.000Z'])
    await expect(h.db.run('INSERT INTO core_customers (id, external_id, created_at) VALUES (?, ?, ?)', ['c2', 'x1', 'now'])).rejects.toThrow()
    await expect(h.db.run('INSERT INTO core_customers (id, external_id, active, created_at) VALUES (?, ?, 2, ?)', ['c3', 'x3', 'now'])).rejects.toThrow()
    await expect(h.db.run('INSERT INTO core_orders (customer_id, number) VALUES (?, ?)', ['missing', 'n1'])).rejects.toThrow()
    const first = await h.db.get<{ seq: number }>('INSERT INTO core_orders (customer_id, number, "order") VALUES (?, ?, ?) RETURNING seq', ['c1', 'n1', 1])
    const second = await h.db.get<{ seq: number }>('INSERT INTO core_orders (customer_id, number) VALUES (?, ?) RETURNING seq', ['c1', 'n2'])
    // Not [1, 2]: a PostgreSQL sequence also advanced for the insert the foreign key refused.
    expect((second?.seq ?? 0) - (first?.seq ?? 0)).toBe(1)
    await expect(h.db.run('INSERT INTO core_orders (customer_id, number) VALUES (?, ?)', ['c1', 'n1'])).rejects.toThrow()
    await h.db.run('DELETE FROM core_customers WHERE id = ?', ['c1'])
    expect(await h.db.get('SELECT count(*) AS n FROM core_orders')).toEqual({ n: 0 })
  })

  it('sorts ISO-8601 timestamps the same way', async () => {
    const times = ['2024-05-01T10:00:00.000Z', '2023-12-31T23:59:59.999Z', '2024-05-01T09:00:00.000Z']
    for (const [i, at] of times.entries()) await h.db.run('INSERT INTO core_customers (id, external_id, created_at) VALUES (?, ?, ?)', [`c${i}`, `x${i}`, at])
    const rows = await h.db.all<{ id: string }>('SELECT id FROM core_customers WHERE created_at >= ? ORDER BY created_at, id', ['2024-01-01T00:00:00.000Z'])
    expect(rows.map((r) => r.id)).toEqual(['c2', 'c0'])
  })
})

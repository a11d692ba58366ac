/**
 * Core's drizzle declarations (schema/drizzle) describe the database core's migrations make: on
 * every dialect a freshly migrated database's catalogue has, for each declared table, the same
 * columns (names, types, nullability) and primary key. A migration that changes a declared table
 * without its declaration (or the reverse) fails here.
 */
import type { Database } from '@rapport/db'
import { getTableConfig as pgTableConfig, type PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'
import { coreSchema } from '../src/schema/drizzle/core-schema.js'

/** One column as compared: PostgreSQL's serial types are integers with a default in the catalogue. */
type Shape = { columns: string[]; primaryKey: string[] }
const column = (name: string, type: string, notNull: boolean) => `${name} ${type.toLowerCase().replace(/^bigserial$/, 'bigint')}${notNull ? ' not null' : ''}`

function declared(db: Database, name: string): Shape {
  const table = coreSchema.of(db)[name as keyof typeof coreSchema.pg]
  const config = db.dialect === 'sqlite' ? sqliteTableConfig(table as unknown as SQLiteTable) : pgTableConfig(table as unknown as PgTable)
  const single = config.columns.filter((c) => c.primary).map((c) => c.name)
  const primaryKey = single.length > 0 ? single : (config.primaryKeys[0]?.columns.map((c) => c.name) ?? [])
  return { columns: config.columns.map((c) => column(c.name, c.getSQLType(), c.notNull || primaryKey.includes(c.name))).sort(), primaryKey }
}

async function live(db: Database, table: string): Promise<Shape> {
  if (db.dialect === 'sqlite') {
    const rows = await db.all<{ name: string; type: string; notnull: number; pk: number }>(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`, [table])
    // SQLite lets a non-INTEGER primary key hold NULL unless declared NOT NULL; drizzle's primaryKey() implies it.
    return {
      columns: rows.map((r) => column(r.name, r.type, r.notnull === 1 || r.pk > 0)).sort(),
      primaryKey: rows.filter((r) => r.pk > 0).sort((a, b) => a.pk - b.pk).map((r) => r.name),
    }
  }
  const rows = await db.all<{ name: string; type: string; nullable: string }>(
    `SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ?`, [table])
  const keys = await db.all<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
     WHERE i.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`, [table])
  return { columns: rows.map((r) => column(r.name, r.type, r.nullable === 'NO')).sort(), primaryKey: keys.map((k) => k.name) }
}

describe.each(dialects)('core table declarations on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 120_000)
  afterAll(() => t.close())

  it.each(Object.keys(coreSchema.pg))('%s matches the migrated database', async (name) => {
    const table = getTableName(t.db, name)
    const shape = await live(t.db, table)
    expect(shape.columns.length, `${table} exists`).toBeGreaterThan(0)
    expect(declared(t.db, name)).toEqual(shape)
  })
})

function getTableName(db: Database, name: string): string {
  const table = coreSchema.of(db)[name as keyof typeof coreSchema.pg]
  return db.dialect === 'sqlite' ? sqliteTableConfig(table as unknown as SQLiteTable).name : pgTableConfig(table as unknown as PgTable).name
}

/**
 * Migration 0018 on a database made before it: on SQLite `core_profile_values` becomes a
 * WITHOUT ROWID table (its key is the table) with the same rows and indexes, and the profile,
 * filters and sorts answer as before; later writes land in it. On PostgreSQL it changes nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ActivePlugin } from '../src/plugins/runtime.js'
import { migrateCore } from '../src/schema/migrations.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { fxPlugin, useFixtureRuntime } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>

/** The table as migrations 0004 and 0016 left it: a rowid table beside its primary key's index. */
const BEFORE_0018 = [
  'DROP TABLE core_profile_values',
  `CREATE TABLE "core_profile_values" ("customer_id" TEXT NOT NULL, "field" TEXT NOT NULL, "num_value" REAL, "text_value" TEXT, "updated_at" TEXT NOT NULL, PRIMARY KEY ("customer_id", "field"))`,
  'CREATE INDEX core_profile_values_num ON core_profile_values (field, num_value, customer_id) WHERE num_value IS NOT NULL',
  'CREATE INDEX core_profile_values_text ON core_profile_values (field, text_value, customer_id) WHERE text_value IS NOT NULL',
]

describe.each(dialects)('migration 0018 (clustered profile values) on %s', (dialect) => {
  let t: TestApp
  let fx: ActivePlugin
  beforeAll(async () => { t = await createTestApp(dialect) }, 120_000)
  beforeEach(async () => {
    await t.reset()
    ;[fx] = (await useFixtureRuntime(t, [fxPlugin()])) as [ActivePlugin]
  })
  afterAll(() => t.close())

  const customer = async (externalId: string): Promise<string> => ((await json(await t.request('POST', '/api/v1/customers', { body: { externalId } }))) as Json).id as string
  const setProfile = (id: string, changes: Json) => t.db.tx((tx) => fx.context.updateProfile(tx, id, changes, { id: 'test-seed' }))
  const ids = async (query: string) => ((await json(await t.request('GET', `/api/v1/customers?${query}`))) as Json).items.map((c: Json) => c.id as string)
  const profile = async (id: string) => ((await json(await t.request('GET', `/api/v1/customers/${id}`))) as Json).profile
  const tableSql = async () => (await t.db.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'core_profile_values'"))?.sql ?? ''
  const indexes = async () => (await t.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'core_profile_values' ORDER BY name")).map((r) => r.name)

  it('upgrades a database made before it in place: same values, filters, sorts and later writes', async () => {
    if (dialect === 'sqlite') {
      for (const sql of BEFORE_0018) await t.db.exec(sql)
      expect(await tableSql()).not.toMatch(/WITHOUT ROWID/)
      expect(await indexes()).toEqual(['core_profile_values_num', 'core_profile_values_text', 'sqlite_autoindex_core_profile_values_1'])
    }
    await t.db.run("DELETE FROM core_migrations WHERE id = '0018_clustered_profile_values'")
    const a = await customer('crm-a')
    const b = await customer('crm-b')
    const c = await customer('crm-c')
    await setProfile(a, { 'fx.total': { set: 120.5 }, 'fx.level': { set: 'gold' }, 'fx.vip': { set: true } })
    await setProfile(b, { 'fx.total': { set: 50 }, 'fx.level': { set: 'silver' } })
    await setProfile(c, { 'fx.level': { set: 'gold' }, 'fx.note': { set: 'note c' } })
    const before = { a: await profile(a), b: await profile(b), c: await profile(c), byTotal: await ids('sort=-fx.total'), gold: await ids('filter=fx.level:eq:gold&sort=fx.total') }

    expect((await migrateCore(t.db)).applied).toEqual(['0018_clustered_profile_values'])
    if (dialect === 'sqlite') {
      expect(await tableSql()).toMatch(/WITHOUT ROWID/)
      // No separate B-tree for the primary key any more: the key is the table.
      expect(await indexes()).toEqual(['core_profile_values_num', 'core_profile_values_text'])
    }
    expect({ a: await profile(a), b: await profile(b), c: await profile(c), byTotal: await ids('sort=-fx.total'), gold: await ids('filter=fx.level:eq:gold&sort=fx.total') }).toEqual(before)
    expect(before.byTotal.slice(0, 2)).toEqual([a, b])

    await setProfile(b, { 'fx.total': { set: 990 } })
    await setProfile(c, { 'fx.note': { unset: true } })
    expect(await ids('sort=-fx.total')).toEqual([b, a, c])
    expect((await profile(c)).fx).toEqual({ level: 'gold' })
  })
})

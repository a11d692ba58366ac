/**
 * Migration 0016 on a database made before it: the event type index becomes (type, seq) and the
 * profile value indexes hold only rows with a value, and the event list by type still answers
 * newest first.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { migrateCore } from '../src/schema/migrations.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

type Json = Record<string, any>

/** The indexes made by migrations 0001 and 0004, as a database made before 0016 has them. */
const BEFORE_0016 = [
  'DROP INDEX core_events_type',
  'CREATE INDEX core_events_type_time ON core_events (type, occurred_at)',
  'DROP INDEX core_profile_values_num',
  'CREATE INDEX core_profile_values_num ON core_profile_values (field, num_value, customer_id)',
  'DROP INDEX core_profile_values_text',
  'CREATE INDEX core_profile_values_text ON core_profile_values (field, text_value, customer_id)',
]

describe.each(dialects)('migration 0016 (leaner indexes) on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const indexes = async (): Promise<Record<string, string>> => {
    const rows = dialect === 'sqlite'
      ? await t.db.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ('core_events_type', 'core_events_type_time', 'core_profile_values_num', 'core_profile_values_text')")
      : await t.db.all<{ name: string; sql: string }>("SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE indexname IN ('core_events_type', 'core_events_type_time', 'core_profile_values_num', 'core_profile_values_text')")
    return Object.fromEntries(rows.map((r) => [r.name, r.sql.replace(/\s+/g, ' ')]))
  }

  it('upgrades a database made before it, and the event list by type answers as before', async () => {
    for (const sql of BEFORE_0016) await t.db.exec(sql)
    await t.db.run("DELETE FROM core_migrations WHERE id = '0016_leaner_indexes'")
    const customer = ((await json(await t.request('POST', '/api/v1/customers', { body: { externalId: 'crm-1' } }))) as Json).id as string
    for (let i = 0; i < 5; i++) await t.emit(i % 2 ? 'customer.updated' : 'order.completed', customer, { orderId: `o-${i}`, amountMinor: 100 * i, currency: 'CNY' })
    const byType = async () => ((await json(await t.request('GET', '/api/v1/events?type=order.completed&limit=2'))) as Json).items.map((e: Json) => e.payload.orderId)
    expect(await byType()).toEqual(['o-4', 'o-2'])

    expect((await migrateCore(t.db)).applied).toEqual(['0016_leaner_indexes'])
    const after = await indexes()
    expect(Object.keys(after).sort()).toEqual(['core_events_type', 'core_profile_values_num', 'core_profile_values_text'])
    expect(after.core_profile_values_num).toMatch(/WHERE \(?num_value IS NOT NULL\)?/)
    expect(after.core_profile_values_text).toMatch(/WHERE \(?text_value IS NOT NULL\)?/)
    expect(await byType()).toEqual(['o-4', 'o-2'])
  })
})

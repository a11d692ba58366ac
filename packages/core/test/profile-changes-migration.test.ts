/**
 * Migrations 0014 and 0022 on a database written before them: the changes recorded one row per
 * field become packed rows keyed by customer (0022 also leaves out times that are the event's),
 * and the explain and timeline APIs answer exactly what they answered from the old rows
 * (values, sources, events, times and order, also for writes of one plugin that another plugin's
 * write interrupted at the same millisecond).
 */
import { createTables, migrationStatements, type SqlValue } from '@rapport/db'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { migrateCore } from '../src/schema/migrations.js'
import { profileChanges as changesBefore0014 } from '../src/schema/profile-tables.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { fxPlugin, profileRequester, useFixtureRuntime } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>

const counterPlugin = { name: 'fixture-counter', namespace: 'fxc', version: '1.0.0', host: '^1', profile: { events: { kind: 'integer', label: { en: 'Events', 'zh-CN': '事件数' } } } } as const

describe.each(dialects)('migrations 0014 and 0022 (packed, keyed profile changes) on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    await useFixtureRuntime(t, [fxPlugin(), counterPlugin])
  })
  afterAll(() => t.close())

  /** Puts the table back as migration 0004 made it, and 0014 and 0022 as not applied yet. */
  const downgrade = async () => {
    await t.db.run('DROP TABLE core_profile_changes')
    for (const sql of migrationStatements(createTables('0004_profile', [changesBefore0014]), dialect === 'sqlite' ? 'sqlite' : 'pg')) await t.db.exec(sql)
    await t.db.run("DELETE FROM core_migrations WHERE id IN ('0014_compact_profile_changes', '0022_keyed_profile_changes')")
  }
  const event = async (key: string, occurredAt: string) => {
    const row = await t.db.get<{ seq: number; id: string }>(
      "INSERT INTO core_events (id, idempotency_key, type, customer_id, payload, occurred_at, recorded_at, source) VALUES (?, ?, 'order.completed', ?, '{}', ?, ?, 'api') RETURNING seq, id",
      [`evt_${key}`, key, customerId, occurredAt, occurredAt])
    return { seq: Number(row!.seq), id: row!.id, occurredAt }
  }
  let customerId = ''
  /** One old row: customer, field, op, operand, previous, next, source kind, id, version, plugin, event, at. */
  const old = (field: string, op: string, operand: unknown, previous: unknown, next: unknown, source: [string, string, number | null], plugin: string, eventSeq: number | null, at: string) =>
    t.db.run(`INSERT INTO core_profile_changes (customer_id, field, op, operand, previous, next, source_kind, source_id, source_version, plugin, event_seq, at) VALUES (${Array(12).fill('?').join(', ')})`,
      [customerId, field, op, ...[operand, previous, next].map((v) => (v === null ? null : JSON.stringify(v))), ...source, plugin, eventSeq, at] as SqlValue[])

  it('converts the rows of each write and keeps every answer of explain and timeline', async () => {
    customerId = ((await json(await t.request('POST', '/api/v1/customers', { body: { externalId: 'crm-old' } }))) as Json).id
    await downgrade()
    const [e1, e2] = [await event('o-1', '2026-01-02T03:04:05.000Z'), await event('o-2', '2026-02-03T04:05:06.000Z')]
    const [t1, t2, t3] = ['2026-03-01T00:00:00.001Z', '2026-03-01T00:00:01.000Z', '2026-03-02T00:00:00.000Z']
    const total: [string, string, number] = ['rule', 'total-on-order', 1]
    await old('fx.total', 'add', 120, null, 120, total, 'fixture-scoring', e1.seq, t1)
    await old('fx.orders', 'add', 1, null, 1, total, 'fixture-scoring', e1.seq, t1)
    await old('fx.level', 'set', 'silver', null, 'silver', ['rule', 'level-from-total', 3], 'fixture-scoring', e1.seq, t1)
    await old('fxc.events', 'add', 1, null, 1, ['rule', 'count', 1], 'fixture-counter', e1.seq, t1)
    await old('fx.seen', 'add', 1, null, 1, ['plugin', 'order-seen', null], 'fixture-scoring', e1.seq, t1)
    await old('fx.note', 'set', '常客', null, '常客', ['plugin', 'test', null], 'fixture-scoring', null, t2)
    await old('fx.note', 'unset', true, '常客', null, ['plugin', 'test', null], 'fixture-scoring', null, t2)
    await old('fx.total', 'add', 500, 120, 620, ['rule', 'total-on-order', 2], 'fixture-scoring', e2.seq, t3)
    // At the event's own time, as a rule's change is: 0022 stores no time, the event gives it back.
    await old('fx.biggest', 'max', 50_000, null, 50_000, ['rule', 'biggest-order', 1], 'fixture-scoring', e2.seq, e2.occurredAt)

    expect((await migrateCore(t.db)).applied).toEqual(['0014_compact_profile_changes', '0022_keyed_profile_changes'])

    const explain = profileRequester(t)
    const changes = async (field: string, query = '') => (await json(await explain(`/api/v1/customers/${customerId}/explain?field=${field}${query}`))) as Json
    const ev = (e: typeof e1) => ({ id: e.id, type: 'order.completed', occurredAt: e.occurredAt })
    expect((await changes('fx.total')).changes).toEqual([
      { field: 'fx.total', at: t1, op: 'add', operand: 120, previous: null, next: 120, source: { kind: 'rule', id: 'total-on-order', version: 1 }, plugin: 'fixture-scoring', event: ev(e1) },
      { field: 'fx.total', at: t3, op: 'add', operand: 500, previous: 120, next: 620, source: { kind: 'rule', id: 'total-on-order', version: 2 }, plugin: 'fixture-scoring', event: ev(e2) },
    ])
    expect((await changes('fx.note')).changes).toEqual([
      { field: 'fx.note', at: t2, op: 'set', operand: '常客', previous: null, next: '常客', source: { kind: 'plugin', id: 'test', version: null }, plugin: 'fixture-scoring', event: null },
      { field: 'fx.note', at: t2, op: 'unset', operand: true, previous: '常客', next: null, source: { kind: 'plugin', id: 'test', version: null }, plugin: 'fixture-scoring', event: null },
    ])
    expect((await changes('fx.biggest')).changes).toEqual([
      { field: 'fx.biggest', at: e2.occurredAt, op: 'max', operand: 50_000, previous: null, next: 50_000, source: { kind: 'rule', id: 'biggest-order', version: 1 }, plugin: 'fixture-scoring', event: ev(e2) },
    ])
    expect((await changes('fxc.events')).changes).toEqual([
      { field: 'fxc.events', at: t1, op: 'add', operand: 1, previous: null, next: 1, source: { kind: 'rule', id: 'count', version: 1 }, plugin: 'fixture-counter', event: ev(e1) },
    ])
    // Pages of one change each reach the same changes.
    const first = await changes('fx.total', '&limit=1')
    expect(first.changes.map((c: Json) => c.next)).toEqual([120])
    const second = await changes('fx.total', `&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`)
    expect(second).toMatchObject({ nextCursor: null, changes: [{ next: 620 }] })

    const timeline = (await json(await t.request('GET', `/api/v1/customers/${customerId}/timeline`))) as Json
    const fields = (item: Json) => item.profileChanges.map((c: Json) => `${c.field} ${c.source.id}`)
    expect(timeline.items.map((i: Json) => i.id)).toEqual([e2.id, e1.id])
    expect(fields(timeline.items[0])).toEqual(['fx.total total-on-order', 'fx.biggest biggest-order'])
    // The same millisecond, in the order written: fixture-scoring's rules, fixture-counter's rule, fixture-scoring's subscriber.
    expect(fields(timeline.items[1])).toEqual(['fx.total total-on-order', 'fx.orders total-on-order', 'fx.level level-from-total', 'fxc.events count', 'fx.seen order-seen'])
    expect(Number((await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_profile_changes'))?.n)).toBe(6)
  })

  it('writes new changes packed, and explains them after the converted ones', async () => {
    customerId = ((await json(await t.request('POST', '/api/v1/customers', { body: { externalId: 'crm-new' } }))) as Json).id
    await downgrade()
    const e1 = await event('o-1', '2026-01-02T03:04:05.000Z')
    await old('fx.total', 'add', 100, null, 100, ['rule', 'total-on-order', 1], 'fixture-scoring', e1.seq, '2026-03-01T00:00:00.000Z')
    await t.db.run("INSERT INTO core_profile_values (customer_id, field, num_value, updated_at) VALUES (?, 'fx.total', 100, '2026-03-01T00:00:00.000Z')", [customerId])
    await migrateCore(t.db)
    // fx's rules and subscriber see the converted total.
    await t.emit('order.completed', customerId, { orderId: 'SO-2', amountMinor: 30_000, currency: 'CNY' }, { key: 'o-2' })
    const explained = (await json(await profileRequester(t)(`/api/v1/customers/${customerId}/explain?field=fx.total`))) as Json
    expect(explained.changes.map((c: Json) => [c.op, c.operand, c.previous, c.next])).toEqual([['add', 100, null, 100], ['add', 300, 100, 400]])
    expect(explained.value).toBe(400)
  })
})

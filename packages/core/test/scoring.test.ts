import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { publishEvent } from '../src/events/publish-event.js'
import { createTestApp, dialects, type TestApp } from '../testing/test-app.js'
import { asyncRulePlugin, brokenRulePlugin, fxPlugin, misbehavingPlugin, profileRequester, useFixtureRuntime } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>

describe.each(dialects)('scoring engine on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(async () => {
    await t.reset()
    await useFixtureRuntime(t, [fxPlugin()])
  })
  afterAll(() => t.close())

  const customer = async (externalId = 'crm-1'): Promise<string> => {
    const res = await t.request('POST', '/api/v1/customers', { body: { externalId } })
    expect(res.status).toBe(201)
    return ((await res.json()) as Json).id
  }
  const order = (customerId: string, key: string, amountMinor: number) =>
    t.emit('order.completed', customerId, { orderId: key, amountMinor, currency: 'CNY' }, { key })
  const count = async (sql: string, params: string[] = []) => Number((await t.db.get<{ n: number }>(sql, params))?.n)
  const eventCount = () => count('SELECT COUNT(*) AS n FROM core_events')
  /** The changes of a field the explain API lists. */
  const changesOf = async (id: string, field: string): Promise<Json[]> => {
    const res = await profileRequester(t)(`/api/v1/customers/${id}/explain?field=${field}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as Json).changes
  }
  const changeCount = async (id: string, field: string) => (await changesOf(id, field)).length

  it('runs the rules in order on fresh snapshots and records each change with the rule id and version', async () => {
    const id = await customer()
    const first = await order(id, 'o-1', 12_000)
    await order(id, 'o-2', 50_000)
    expect(await t.profile(id)).toEqual({ 'fx.total': 620, 'fx.orders': 2, 'fx.biggest': 50_000, 'fx.level': 'gold', 'fx.seen': 2 })

    const explain = profileRequester(t)
    const res = await explain(`/api/v1/customers/${id}/explain?field=fx.total`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body).toMatchObject({ field: 'fx.total', value: 620, nextCursor: null })
    expect(body.changes).toEqual([
      {
        field: 'fx.total', at: expect.any(String), op: 'add', operand: 120, previous: null, next: 120, plugin: 'fixture-scoring',
        source: { kind: 'rule', id: 'total-on-order', version: 1 }, event: { id: first.id, type: 'order.completed', occurredAt: first.occurredAt },
      },
      expect.objectContaining({ op: 'add', operand: 500, previous: 120, next: 620, source: { kind: 'rule', id: 'total-on-order', version: 1 } }),
    ])
    // level-from-total saw the total of the rule before it: silver after 120, gold after 620.
    const level = (await (await explain(`/api/v1/customers/${id}/explain?field=fx.level`)).json()) as Json
    expect(level.changes.map((c: Json) => [c.previous, c.next])).toEqual([[null, 'silver'], ['silver', 'gold']])
    // A change by the plugin's own code is recorded with its reason.
    const seen = (await (await explain(`/api/v1/customers/${id}/explain?field=fx.seen`)).json()) as Json
    expect(seen.changes[0]).toMatchObject({ op: 'add', source: { kind: 'plugin', id: 'order-seen', version: null }, event: { id: first.id } })
  })

  it('records nothing for a change that leaves the value as it was', async () => {
    const id = await customer()
    await order(id, 'o-1', 90_000)
    await order(id, 'o-2', 10_000) // max keeps 90000; level stays gold
    expect(await t.profile(id)).toMatchObject({ 'fx.biggest': 90_000, 'fx.level': 'gold', 'fx.orders': 2 })
    expect(await changeCount(id, 'fx.biggest')).toBe(1)
    expect(await changeCount(id, 'fx.level')).toBe(1)
    expect(await changeCount(id, 'fx.orders')).toBe(2)
  })

  it('applies set, add, max, min and unset as the contract says, for every field kind', async () => {
    const [fx] = await useFixtureRuntime(t, [fxPlugin()])
    const id = await customer()
    const apply = (changes: Json) => t.db.tx((tx) => fx!.context.updateProfile(tx, id, changes, { id: 'test' }))
    await apply({ 'fx.orders': { add: 3 }, 'fx.biggest': { max: 7 }, 'fx.total': { min: 5 }, 'fx.vip': { set: true }, 'fx.since': { set: '2026-05-01T10:00:00+08:00' }, 'fx.note': { set: '常客' } })
    expect(await t.profile(id)).toEqual({ 'fx.orders': 3, 'fx.biggest': 7, 'fx.total': 5, 'fx.vip': true, 'fx.since': '2026-05-01T02:00:00.000Z', 'fx.note': '常客' })
    await apply({ 'fx.total': { min: 9 }, 'fx.biggest': { max: 8 }, 'fx.vip': { set: false }, 'fx.since': { set: '2026-02-28' }, 'fx.note': { unset: true }, 'fx.orders': { set: null } })
    expect(await t.profile(id)).toEqual({ 'fx.biggest': 8, 'fx.total': 5, 'fx.vip': false, 'fx.since': '2026-02-28' })
    const note = (await changesOf(id, 'fx.note')).map(({ op, operand, previous, next }) => ({ op, operand, previous, next }))
    expect(note).toEqual([{ op: 'set', operand: '常客', previous: null, next: '常客' }, { op: 'unset', operand: true, previous: '常客', next: null }])
    const explained = async (field: string) => (await changesOf(id, field)).map(({ op, operand, previous, next }) => [op, operand, previous, next])
    expect(await explained('fx.total')).toEqual([['min', 5, null, 5]])
    expect(await explained('fx.biggest')).toEqual([['max', 7, null, 7], ['max', 8, 7, 8]])
    expect(await explained('fx.orders')).toEqual([['add', 3, null, 3], ['set', null, 3, null]])
    expect(await explained('fx.vip')).toEqual([['set', true, null, true], ['set', false, true, false]])

    for (const [change, problem] of [
      [{ 'fx.orders': { add: 1.5 } }, 'expected an integer'],
      [{ 'fx.level': { set: 'platinum' } }, 'expected one of gold, silver, bronze'],
      [{ 'fx.since': { set: '2026-02-30' } }, 'expected a date'],
      [{ 'fx.vip': { add: 1 } }, 'add needs a number or integer field'],
      [{ 'fx.total': { set: 1, add: 2 } }, 'exactly one of'],
    ] as const) {
      await expect(apply(change)).rejects.toMatchObject({ code: 'PLUGIN_CHANGE_INVALID', status: 500, plugin: 'fixture-scoring', message: expect.stringContaining(problem) })
    }
    expect(await t.profile(id)).toEqual({ 'fx.biggest': 8, 'fx.total': 5, 'fx.vip': false, 'fx.since': '2026-02-28' })
  })

  it('runs nothing twice for a repeated key, also when the repeats race', async () => {
    const id = await customer()
    const first = await order(id, 'o-1', 10_000)
    const again = await order(id, 'o-1', 10_000)
    expect(again.id).toBe(first.id)
    const racing = await Promise.all(Array.from({ length: 10 }, () => order(id, 'o-2', 30_000)))
    expect(new Set(racing.map((e) => e.id)).size).toBe(1)
    expect(await eventCount()).toBe(2)
    expect(await t.profile(id)).toMatchObject({ 'fx.total': 400, 'fx.orders': 2, 'fx.seen': 2 })
    expect(await changeCount(id, 'fx.orders')).toBe(2)
  })

  it('reports a repeat as a duplicate with the first event', async () => {
    const id = await customer()
    const input = { type: 'order.completed', customerId: id, payload: { amountMinor: 100 }, occurredAt: '2026-05-01T00:00:00.000Z', idempotencyKey: 'k', source: 'api' as const, emitter: 'core' }
    const a = await publishEvent(t.services, input)
    const b = await publishEvent(t.services, { ...input, payload: { amountMinor: 999 } })
    expect(a.duplicate).toBe(false)
    expect(b).toEqual({ event: a.event, duplicate: true })
  })

  const failures = () => t.db.all<Json>('SELECT plugin, event_id, kind, handler, code, details, reason FROM core_plugin_failures ORDER BY seq')

  it('keeps the event when another plugin\'s rule throws: that plugin\'s changes are dropped and the failure recorded with the event', async () => {
    await useFixtureRuntime(t, [fxPlugin(), brokenRulePlugin])
    const id = await customer()
    await order(id, 'o-1', 10_000)
    const before = await eventCount()
    const refund = await t.emit('order.refunded', id, { orderId: 'o-1', amountMinor: 5_000, currency: 'CNY' })
    expect(await eventCount()).toBe(before + 1)
    // fx's refund rule ran and stays.
    expect((await t.profile(id))['fx.total']).toBe(50)
    expect(await failures()).toEqual([{
      plugin: 'fixture-broken', event_id: refund.id, kind: 'rule', handler: 'throws', code: 'PLUGIN_HANDLER_FAILED',
      details: JSON.stringify({ plugin: 'fixture-broken', kind: 'rule', handler: 'throws', type: 'order.refunded' }), reason: 'rule exploded',
    }])
  })

  it('rolls the event back when an in-transaction subscriber throws', async () => {
    const id = await customer()
    const err = await t.emit('fx.explode', id, {}).catch((e) => e)
    expect(err).toMatchObject({ code: 'PLUGIN_HANDLER_FAILED', plugin: 'fixture-scoring', details: { kind: 'subscriber', handler: 'explode' } })
    expect(await eventCount()).toBe(0)
  })

  it('drops the changes of a rule that returns a Promise and keeps the event', async () => {
    await useFixtureRuntime(t, [asyncRulePlugin])
    const id = await customer()
    const event = await order(id, 'o-1', 100)
    expect(await eventCount()).toBe(1)
    expect(await t.profile(id)).toEqual({})
    expect(await failures()).toMatchObject([{ plugin: 'fixture-async', event_id: event.id, kind: 'rule', handler: 'awaits', code: 'PLUGIN_RULE_ASYNC', reason: null }])
  })

  it('cascades through in-transaction subscribers up to depth 8 and refuses deeper, rolling everything back', async () => {
    const id = await customer()
    await t.emit('fx.chained', id, { remaining: 8 })
    expect(await count("SELECT COUNT(*) AS n FROM core_events WHERE type = 'fx.chained'")).toBe(9)
    expect((await t.profile(id))['fx.depth']).toBe(8)

    const other = await customer('crm-2')
    const err = await t.emit('fx.chained', other, { remaining: 9 }).catch((e) => e)
    expect(err).toMatchObject({ code: 'HOST_CASCADE_TOO_DEEP', status: 500, plugin: 'fixture-scoring', details: { depth: 9, max: 8 } })
    expect(await count('SELECT COUNT(*) AS n FROM core_events WHERE customer_id = ?', [other])).toBe(0)
    expect(await t.profile(other)).toEqual({})
  })

  it.each([
    [{ 'fx.total': { set: 1 } }, 'PLUGIN_FIELD_FOREIGN', { field: 'fx.total', owner: 'fixture-scoring' }],
    [{ 'fxm.nope': { set: 1 } }, 'PLUGIN_FIELD_UNKNOWN', { field: 'fxm.nope' }],
    [{ 'fxm.own': { set: 1.5 } }, 'PLUGIN_CHANGE_INVALID', { field: 'fxm.own', kind: 'integer' }],
  ])('drops the changes of a rule that changes a field it does not declare or writes a bad value (%o), and keeps the event', async (change, code, details) => {
    await useFixtureRuntime(t, [fxPlugin(), misbehavingPlugin(change)])
    const id = await customer()
    await order(id, 'o-1', 100)
    expect(await eventCount()).toBe(1)
    // fx's rules and subscriber applied the order; the misbehaving plugin changed nothing.
    expect(await t.profile(id)).toEqual({ 'fx.total': 1, 'fx.orders': 1, 'fx.biggest': 100, 'fx.level': 'bronze', 'fx.seen': 1 })
    const [failure] = await failures()
    expect(failure).toMatchObject({ plugin: 'fixture-misbehaving', kind: 'rule', handler: 'misbehaves', code })
    expect(JSON.parse(failure!.details)).toMatchObject({ plugin: 'fixture-misbehaving', ...details })
  })

  it('checks who emits a type and validates a plugin event against its schema', async () => {
    const id = await customer()
    const base = { customerId: id, occurredAt: '2026-05-01T00:00:00.000Z', source: 'plugin' as const }
    await expect(publishEvent(t.services, { ...base, type: 'order.completed', payload: {}, idempotencyKey: 'a', emitter: 'fixture-scoring' }))
      .rejects.toMatchObject({ code: 'PLUGIN_EVENT_NOT_OWNED', plugin: 'fixture-scoring' })
    await expect(publishEvent(t.services, { ...base, type: 'fx.chained', payload: {}, idempotencyKey: 'b', emitter: 'core' }))
      .rejects.toMatchObject({ code: 'PLUGIN_EVENT_NOT_OWNED' })
    await expect(publishEvent(t.services, { ...base, type: 'fx.chained', payload: { remaining: -1 }, idempotencyKey: 'c', emitter: 'fixture-scoring' }))
      .rejects.toMatchObject({ code: 'PLUGIN_EVENT_PAYLOAD_INVALID', plugin: 'fixture-scoring', details: { issues: [{ path: 'remaining' }] } })
    expect(await eventCount()).toBe(0)
  })

  it('scores events ingested over HTTP and publishes customer.erased through the same path', async () => {
    const ingest = await t.request('POST', '/api/v1/events', {
      body: { events: [{ id: 'o-1', type: 'order.completed', customerExternalId: 'crm-9', orderId: 'SO-1', amountMinor: 25_000, currency: 'CNY', occurredAt: '2026-05-01T10:00:00+08:00' }] },
    })
    expect(ingest.status).toBe(200)
    const [c] = ((await (await t.request('GET', '/api/v1/customers?externalId=crm-9')).json()) as Json).items
    expect(await t.profile(c.id)).toMatchObject({ 'fx.total': 250, 'fx.level': 'silver', 'fx.seen': 1 })
    expect((await t.request('POST', `/api/v1/customers/${c.id}/erase`)).status).toBe(200)
    const profile = await t.profile(c.id)
    expect(profile['fx.level']).toBeUndefined()
    expect(profile['fx.total']).toBe(250)
  })
})

/**
 * Business events and their actors, with every plugin the server installs (issue 17, item 1: an
 * agent could post a ¥500,000 order and make a customer Diamond with a million points, unseen).
 *
 * Orders, refunds and customer updates are written by API keys with `events:write`, owners and
 * admins; an agent's or analyst's order is refused and leaves no trace: no event, no customer,
 * no points, no tier, no profile change. Every event records who caused it (the user, the API
 * key, the customer, or the system), the events the plugins emit because of it too; an event sent
 * from a staff session is in the audit log; the customer timeline names each actor.
 */
import { dialects, type As, type TestApp } from '@rapport/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SURVEY, buildWorld, createFullApp, expectStatus, json, type World } from '../support/full-app.js'

type Json = Record<string, any>

const order = (id: string, customerExternalId: string, amountMinor = 50_000_000): Json => ({
  id, type: 'order.completed', customerExternalId, orderId: id, amountMinor, currency: 'CNY', occurredAt: '2026-05-20T10:00:00+08:00',
})

describe.each(dialects)('business events and their actors on %s', (dialect) => {
  let t: TestApp
  let w: World
  beforeAll(async () => {
    t = await createFullApp(dialect)
    w = await buildWorld(t)
  }, 120_000)
  afterAll(async () => { await t?.close() })

  const ingest = (events: Json[], as: As) => t.request('POST', '/api/v1/events', { body: { events }, as })
  const eventsOf = async (customerId: string): Promise<Json[]> => (await json(await t.request('GET', `/api/v1/events?customerId=${customerId}&limit=200`))).items
  const userId = async (role: 'owner' | 'admin') => (await json(await t.request('GET', '/api/v1/auth/me', { as: role }))).user.id as string
  /** Everything an order could have touched. */
  const footprint = async () => ({
    events: await t.db.get('SELECT COUNT(*) AS n, MAX(seq) AS last FROM core_events'),
    customers: await t.db.get('SELECT COUNT(*) AS n FROM core_customers'),
    changes: await t.db.get('SELECT COUNT(*) AS n FROM core_profile_changes'),
    ledger: await t.db.get('SELECT COUNT(*) AS n FROM points_ledger'),
    audit: await t.db.get('SELECT COUNT(*) AS n FROM core_audit_log'),
    profileA: await t.profile(w.customerA),
  })

  it("refuses an agent's or an analyst's order with 403 AUTH_FORBIDDEN and stores, creates and scores nothing", async () => {
    const before = await footprint()
    for (const role of ['agent', 'analyst'] as const) {
      for (const events of [[order(`forged-${role}-1`, 'world-a')], [order(`forged-${role}-2`, `new-${role}`)], [{ id: `forged-${role}-3`, type: 'customer.updated', customerExternalId: 'world-a', occurredAt: '2026-05-20T10:00:00Z', changes: { name: 'Someone else' } }]]) {
        const res = await ingest(events, role)
        expect(res.status, role).toBe(403)
        expect((await json(res)).error.code).toBe('AUTH_FORBIDDEN')
      }
    }
    expect(await footprint()).toEqual(before)
  })

  it("records an admin's order with the admin as actor, the plugins' events it causes too, and an audit entry", async () => {
    const admin = await userId('admin')
    const res = await json(await ingest([order('admin-order-1', 'world-a', 12_900)], 'admin'))
    expect(res.totals).toEqual({ accepted: 1, duplicates: 0, rejected: 0 })
    const eventId = res.results[0].eventId as string
    const events = await eventsOf(w.customerA)
    const stored = events.find((e) => e.id === eventId)
    expect(stored).toMatchObject({ type: 'order.completed', source: 'api', actor: { type: 'user', id: admin } })
    // What the points plugin wrote because of this order is the admin's doing as well.
    const earned = events.find((e) => e.type === 'points.earned' && e.seq > stored!.seq)
    expect(earned?.actor).toEqual({ type: 'user', id: admin })
    const audit = (await json(await t.request('GET', '/api/v1/audit?action=event.recorded'))).items as Json[]
    expect(audit.filter((a) => a.target.id === eventId)).toEqual([expect.objectContaining({
      actor: { type: 'user', id: admin, name: 'admin' }, target: expect.objectContaining({ type: 'event', id: eventId }), details: { type: 'order.completed', key: 'admin-order-1' },
    })])
  })

  it("records an API key's events with the key's id, without an audit entry per event", async () => {
    const created = await expectStatus(await t.request('POST', '/api/v1/api-keys', { body: { name: 'Shop till 3', scopes: ['events:write'] } }), 201, 'key')
    const auditBefore = (await json(await t.request('GET', '/api/v1/audit?action=event.recorded'))).items.length
    const res = await json(await ingest([order('till-order-1', 'world-b', 4_500)], { apiKey: created.key }))
    const stored = (await eventsOf(w.customerB)).find((e) => e.id === res.results[0].eventId)
    expect(stored?.actor).toEqual({ type: 'apiKey', id: created.apiKey.id })
    expect((await json(await t.request('GET', '/api/v1/audit?action=event.recorded'))).items).toHaveLength(auditBefore)
  })

  it('names every actor on the customer timeline: a user, an API key, the customer, never an id alone', async () => {
    const created = await expectStatus(await t.request('POST', '/api/v1/api-keys', { body: { name: 'Online shop', scopes: ['events:write'] } }), 201, 'key')
    await expectStatus(await ingest([order('shop-order-1', 'world-a', 3_900)], { apiKey: created.key }), 200, 'key order')
    await expectStatus(await ingest([order('owner-order-1', 'world-a', 2_900)], 'owner'), 200, 'owner order')
    // The customer answers the survey through their own link: their response is their own doing.
    await expectStatus(await t.request('POST', `${SURVEY}/respond/${w.surveyId}/complete`, { as: { link: w.surveyLinkA }, body: { answers: { nps: 10 } } }), 201, 'answer')
    const items = (await json(await t.request('GET', `/api/v1/customers/${w.customerA}/timeline?limit=200`, { as: 'analyst' }))).items as Json[]
    const actorOf = (predicate: (e: Json) => boolean) => items.find(predicate)?.actor
    expect(actorOf((e) => e.payload.orderId === 'shop-order-1')).toEqual({ type: 'apiKey', id: created.apiKey.id, name: 'Online shop' })
    expect(actorOf((e) => e.payload.orderId === 'owner-order-1')).toEqual({ type: 'user', id: await userId('owner'), name: 'owner' })
    expect(actorOf((e) => e.type === 'survey.response.completed')).toEqual({ type: 'customer', id: w.customerA, name: 'Customer world-a' })
    // Every event of this installation was logged with an actor, and every person or key has a name.
    for (const item of items) {
      expect(item.actor, item.type).not.toBeNull()
      if (item.actor.type !== 'system') expect(item.actor.name, `${item.type} by ${item.actor.type}`).toEqual(expect.any(String))
    }
  })
})

/**
 * Every event records who caused it, whichever way it enters the log: a request's caller (a user,
 * an API key, a customer link, nobody), a plugin emitting on behalf of that request, a subscriber
 * emitting because of an event (the actor of that event, also after commit), a scheduled job
 * (`system`, `job:<plugin>:<name>`) and a command-line import (`system`, `import`).
 */
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { policies } from '../src/http/access.js'
import { defineRoute } from '../src/http/define-route.js'
import { jsonResponse } from '../src/http/responses.js'
import { importCsv } from '../src/imports/import-csv.js'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type As, type TestApp } from '../testing/test-app.js'

/** Emits `stamp.*` events from a route, a job, an in-transaction and an after-commit subscriber. */
const stampPlugin: PluginDefinition = {
  name: 'stamp', namespace: 'stamp', version: '1.0.0', host: '^1',
  events: {
    'stamp.pressed': z.object({}), 'stamp.nightly': z.object({}), 'stamp.ordered': z.object({ orderId: z.string() }), 'stamp.mailed': z.object({ orderId: z.string() }),
  },
  setup(ctx) {
    ctx.route(defineRoute(
      {
        method: 'post', path: '/customers/{customerId}/press', access: { ...policies.staffWrite(), customerLink: 'stamp' },
        request: { params: z.object({ customerId: z.string() }) }, responses: { 201: jsonResponse(z.object({ id: z.string() }), 'Pressed') },
      },
      async (c) => c.json({ id: (await ctx.emit('stamp.pressed' as never, c.req.valid('param').customerId, {} as never, { key: crypto.randomUUID() })).id }, 201),
    ))
    ctx.route(defineRoute(
      { method: 'post', path: '/press', access: 'anonymous', responses: { 201: jsonResponse(z.object({ id: z.string() }), 'Pressed') } },
      async (c) => c.json({ id: (await ctx.emit('stamp.pressed' as never, null, {} as never, { key: crypto.randomUUID() })).id }, 201),
    ))
    ctx.schedule('nightly', '0 3 * * *', async () => { await ctx.emit('stamp.nightly' as never, null, {} as never, { key: crypto.randomUUID() }) })
    ctx.on('order.completed' as never, async (e) => {
      const event = e as unknown as { customerId: string; payload: { orderId: string } }
      await ctx.emit('stamp.ordered' as never, event.customerId, { orderId: event.payload.orderId } as never, { key: event.payload.orderId })
    }, { id: 'stamp-order', phase: 'inTransaction' })
    ctx.on('order.completed' as never, async (e) => {
      const event = e as unknown as { customerId: string; payload: { orderId: string } }
      await ctx.emit('stamp.mailed' as never, event.customerId, { orderId: event.payload.orderId } as never, { key: `mail:${event.payload.orderId}` })
    }, { id: 'stamp-mail', phase: 'afterCommit' })
  },
}

const order = (id: string) => ({ id, type: 'order.completed', customerExternalId: 'c-1', orderId: id, amountMinor: 100, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' })

describe.each(dialects)('the actor of every event on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [stampPlugin] }) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const actorOf = async (type: string) => (await t.db.all<{ actor_type: string; actor_id: string | null }>('SELECT actor_type, actor_id FROM core_events WHERE type = ? ORDER BY seq', [type]))
    .map((r) => ({ type: r.actor_type, id: r.actor_id }))
  const me = async (as: As) => (await json(await t.request('GET', '/api/v1/auth/me', { as }))).user.id as string

  it("gives an order and every event the plugins emit because of it the sender's actor, also after commit", async () => {
    const key = await json(await t.request('POST', '/api/v1/api-keys', { body: { name: 'Till', scopes: ['events:write'] } }))
    expect((await t.request('POST', '/api/v1/events', { body: { events: [order('o-key')] }, as: { apiKey: key.key } })).status).toBe(200)
    expect((await t.request('POST', '/api/v1/events', { body: { events: [order('o-admin')] }, as: 'admin' })).status).toBe(200)
    await t.drainDeliveries()
    const keyActor = { type: 'apiKey', id: key.apiKey.id }
    const adminActor = { type: 'user', id: await me('admin') }
    expect(await actorOf('order.completed')).toEqual([keyActor, adminActor])
    expect(await actorOf('stamp.ordered')).toEqual([keyActor, adminActor])
    expect(await actorOf('stamp.mailed')).toEqual([keyActor, adminActor])
  })

  it("gives a plugin route's event its caller: a user, a customer link, or nobody", async () => {
    const customer = await json(await t.request('POST', '/api/v1/customers', { body: { name: 'Li' } }))
    const link = await json(await t.request('POST', `/api/v1/customers/${customer.id}/links`, { body: { purpose: 'stamp' } }))
    expect((await t.request('POST', `/api/p/stamp/customers/${customer.id}/press`, { as: 'agent' })).status).toBe(201)
    expect((await t.request('POST', `/api/p/stamp/customers/${customer.id}/press`, { as: { link: link.token } })).status).toBe(201)
    expect((await t.request('POST', '/api/p/stamp/press', { as: 'anonymous' })).status).toBe(201)
    expect(await actorOf('stamp.pressed')).toEqual([{ type: 'user', id: await me('agent') }, { type: 'customer', id: customer.id }, { type: 'anonymous', id: null }])
  })

  it("gives a job's events the job as a system actor, also when an admin triggers it", async () => {
    await t.runJob('stamp:nightly')
    expect((await t.request('POST', `/api/v1/jobs/${encodeURIComponent('stamp:nightly')}/run`, { as: 'admin' })).status).toBeLessThan(300)
    await expect.poll(async () => (await actorOf('stamp.nightly')).length).toBe(2)
    expect(await actorOf('stamp.nightly')).toEqual([{ type: 'system', id: 'job:stamp:nightly' }, { type: 'system', id: 'job:stamp:nightly' }])
  })

  it('records a command-line import as the system, and an HTTP import as its caller', async () => {
    const csv = (id: string) => `orderId,customerExternalId,amountMinor,currency,occurredAt\n${id},c-1,100,CNY,2026-05-01T10:00:00Z\n`
    expect((await importCsv(t.services, 'orders', csv('cli-1'), { caller: { kind: 'system' } })).committed).toBe(true)
    const res = await t.request('POST', '/api/v1/imports/orders', { rawBody: csv('http-1'), headers: { 'content-type': 'text/csv' }, as: 'admin' })
    expect(res.status).toBe(200)
    expect(await actorOf('order.completed')).toEqual([{ type: 'system', id: 'import' }, { type: 'user', id: await me('admin') }])
    const audit = await json(await t.request('GET', '/api/v1/audit?action=import.completed'))
    expect(audit.items.map((a: { actor: { type: string } }) => a.actor.type)).toEqual(['user', 'system'])
  })
})

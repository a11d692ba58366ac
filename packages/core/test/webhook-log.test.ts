/**
 * Outgoing webhooks as the admin reads them: each endpoint's own delivery log (event type, state,
 * attempts, last error), and endpoints changed by another process seen by the very next event
 * (a revision check, not a 30-second cache).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { saveEndpoints } from '../src/messaging/webhooks/webhook-endpoints.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

describe.each(dialects)('webhook delivery logs on %s', (dialect) => {
  let t: TestApp
  let server: Server
  let base: string
  const received: string[] = []

  beforeAll(async () => {
    // /ok answers 204, /down answers 503.
    server = createServer((req, res) => {
      req.resume()
      req.on('end', () => { received.push(req.url ?? ''); res.statusCode = req.url === '/down' ? 503 : 204; res.end() })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    t = await createTestApp(dialect)
  }, 60_000)
  beforeEach(async () => { await t.reset(); received.length = 0 })
  afterAll(async () => { await t.close(); await new Promise((resolve) => server.close(resolve)) })

  const addEndpoint = async (path: string, eventTypes: string[]) => json(await t.request('POST', '/api/v1/webhooks', { body: { url: `${base}${path}`, eventTypes } }))
  const log = async (id: string) => (await json(await t.request('GET', `/api/v1/webhooks/${id}/deliveries`))).items as Array<Record<string, unknown>>

  it("lists each endpoint's deliveries with the event type, state and last error", async () => {
    const ok = await addEndpoint('/ok', ['order.completed'])
    const down = await addEndpoint('/down', ['*'])
    await t.emit('order.completed', null, { orderId: 'o-1', amountMinor: 100, currency: 'CNY' })
    await t.emit('order.refunded', null, { orderId: 'o-1', amountMinor: 100, currency: 'CNY' })
    await t.drainDeliveries()
    expect(await log(ok.id)).toMatchObject([{ eventType: 'order.completed', state: 'done', attempts: 1, lastError: null }])
    const failing = await log(down.id)
    expect(failing.map((d) => d.eventType).sort()).toEqual(['order.completed', 'order.refunded'])
    expect(failing[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: 'The endpoint answered HTTP 503' })
    expect((await json(await t.request('GET', '/api/v1/webhooks/whk_nope/deliveries'))).error.code).toBe('MESSAGE_WEBHOOK_NOT_FOUND')
    expect((await t.request('GET', `/api/v1/webhooks/${ok.id}/deliveries`, { as: 'agent' })).status).toBe(403)
  })

  it('sees endpoints another process changed at the next event', async () => {
    const ok = await addEndpoint('/ok', ['order.completed'])
    await t.emit('order.completed', null, { orderId: 'o-1', amountMinor: 100, currency: 'CNY' })
    await t.drainDeliveries()
    // Another process (its own services, the same database) removes every endpoint.
    await saveEndpoints({ db: {} as never, now: () => new Date() }, t.db, [])
    await t.emit('order.completed', null, { orderId: 'o-2', amountMinor: 100, currency: 'CNY' })
    await t.drainDeliveries()
    expect(received).toEqual(['/ok'])
    expect((await json(await t.request('GET', `/api/v1/deliveries?subscriber=core:webhook:${ok.id}`))).items).toHaveLength(1)
  })
})

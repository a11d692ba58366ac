/**
 * Outgoing webhooks: events of the chosen types are POSTed to each endpoint after commit, signed
 * per Standard Webhooks and verified here by an independent implementation (the `standardwebhooks`
 * package); a failing endpoint is retried with backoff under the same webhook-id; the secret is
 * shown once and appears in no event, delivery, audit entry or listing.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

type Received = { headers: Record<string, string>; body: string }

describe.each(dialects)('outgoing webhooks on %s', (dialect) => {
  let t: TestApp
  let server: Server
  let url: string
  const received: Received[] = []
  const answers: number[] = []

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => { body += chunk })
      req.on('end', () => {
        received.push({ headers: req.headers as Record<string, string>, body })
        res.statusCode = answers.shift() ?? 204
        res.end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
    t = await createTestApp(dialect)
  }, 60_000)
  beforeEach(async () => {
    await t.reset()
    received.length = 0
    answers.length = 0
  })
  afterAll(async () => { await t.close(); server.close() })

  const addEndpoint = async (eventTypes: string[]) => {
    const res = await t.request('POST', '/api/v1/webhooks', { body: { url, eventTypes } })
    expect(res.status).toBe(201)
    return json(res) as Promise<{ id: string; secret: string; subscriber: string }>
  }
  const verify = (secret: string, r: Received) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: { type: string; payload: Record<string, unknown> } }

  it('posts the events of the chosen types, signed so that an independent verifier accepts them', async () => {
    const endpoint = await addEndpoint(['order.completed'])
    await t.emit('order.completed', null, { orderId: 'o-1', amountMinor: 1200, currency: 'CNY' })
    await t.emit('order.refunded', null, { orderId: 'o-1', amountMinor: 1200, currency: 'CNY' })
    expect(received).toHaveLength(0) // after commit, by the delivery worker
    await t.drainDeliveries()
    expect(received).toHaveLength(1)
    const message = verify(endpoint.secret, received[0]!)
    expect(message).toMatchObject({ type: 'order.completed', data: { type: 'order.completed', payload: { orderId: 'o-1', amountMinor: 1200 } } })
    expect(received[0]!.headers['webhook-signature']).toMatch(/^v1,/)
    // A tampered body fails the same verifier.
    expect(() => verify(endpoint.secret, { ...received[0]!, body: received[0]!.body.replace('1200', '1') })).toThrow()
    const log = await json(await t.request('GET', `/api/v1/deliveries?subscriber=${encodeURIComponent(endpoint.subscriber)}`))
    expect(log.items).toMatchObject([{ state: 'done', attempts: 1 }])
  })

  it('retries a failing endpoint with backoff under the same webhook-id, and logs each failure', async () => {
    const endpoint = await addEndpoint(['*'])
    answers.push(500)
    await t.emit('order.completed', null, { orderId: 'o-2', amountMinor: 100, currency: 'CNY' })
    await t.drainDeliveries()
    const pending = (await json(await t.request('GET', `/api/v1/deliveries?subscriber=${encodeURIComponent(endpoint.subscriber)}`))).items
    expect(pending).toMatchObject([{ state: 'pending', attempts: 1, lastError: 'The endpoint answered HTTP 500' }])
    t.advance(60_000)
    await t.drainDeliveries()
    expect(received).toHaveLength(2)
    expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id'])
    expect(verify(endpoint.secret, received[1]!).type).toBe('order.completed')
  })

  it('shows the secret once, keeps it out of the log, and sends a signed test on demand', async () => {
    const endpoint = await addEndpoint(['complaint.resolved'])
    const list = await t.request('GET', '/api/v1/webhooks')
    expect(JSON.stringify(await json(list))).not.toContain(endpoint.secret)
    expect(await json(await t.request('POST', `/api/v1/webhooks/${endpoint.id}/test`))).toEqual({ delivered: true, error: null })
    expect(verify(endpoint.secret, received[0]!).type).toBe('webhook.test')
    for (const table of ['core_events', 'core_deliveries', 'core_audit_log', 'core_messaging_settings']) {
      expect(JSON.stringify(await t.db.all(`SELECT * FROM ${table}`))).not.toContain(endpoint.secret.slice('whsec_'.length))
    }
    expect((await t.request('GET', '/api/v1/webhooks', { as: 'agent' })).status).toBe(403)
    const bad = await t.request('POST', '/api/v1/webhooks', { body: { url: 'ftp://example.com/x', eventTypes: ['order.completed'] } })
    expect((await json(bad)).error.code).toBe('REQUEST_INVALID')
    const gone = await t.request('DELETE', '/api/v1/webhooks/whk_nope')
    expect(gone.status).toBe(404)
    expect((await json(gone)).error.code).toBe('MESSAGE_WEBHOOK_NOT_FOUND')
    expect((await t.request('DELETE', `/api/v1/webhooks/${endpoint.id}`)).status).toBe(204)
  })
})

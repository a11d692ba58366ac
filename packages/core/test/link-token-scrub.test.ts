/**
 * Migration 0012 on a database written before it: live customer-link tokens in event payloads,
 * audit details and delivery errors are replaced by `[redacted]`; everything else stays as it was.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { issueCustomerLink } from '../src/links/customer-links.js'
import { migrateCore } from '../src/schema/migrations.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

describe.each(dialects)('scrubbing stored link tokens on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  const link = (customerId: string, purpose = 'satisfaction-survey') => issueCustomerLink(t.services, { customerId, purpose, ttlSeconds: 30 * 86_400 }).token
  let seq = 0
  const insertEvent = async (type: string, payload: Record<string, unknown>) => {
    seq += 1
    const at = t.services.now().toISOString()
    await t.db.run('INSERT INTO core_events (id, idempotency_key, type, customer_id, payload, occurred_at, recorded_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [`evt_old_${seq}`, `old:${seq}`, type, 'cus_old', JSON.stringify(payload), at, at, 'plugin'])
    return `evt_old_${seq}`
  }
  /** Runs migration 0012 again, as on a database that had not had it yet. */
  const upgrade = async () => {
    await t.db.run("DELETE FROM core_migrations WHERE id = '0012_scrub_link_tokens'")
    expect((await migrateCore(t.db)).applied).toEqual(['0012_scrub_link_tokens'])
  }

  it('removes the tokens old survey invitations left in the event log, the audit log and delivery errors', async () => {
    const [a, b, member] = [link('cus_a'), link('cus_b'), link('cus_a', 'points-membership')]
    const invitation = await insertEvent('survey.invitation.created', { invitationId: 'inv_1', surveyId: 'srv_1', version: 1, url: `/s/${a}`, expiresAt: '2026-07-01T08:00:00.000Z', locale: 'zh-CN', source: 'manual' })
    const twice = await insertEvent('custom.links.sent', { links: [`https://shop.example/s/${b}?utm=mail`, { page: `/m/${member}` }], note: 'sent eyJhbGciOi.not-a-link' })
    const plain = { orderId: 'SO-1', amountMinor: 12_900, currency: 'CNY' }
    const order = await insertEvent('order.completed', plain)
    await t.db.run("INSERT INTO core_audit_log (at, actor_type, actor_id, action, details) VALUES (?, 'user', 'usr_1', 'custom.link-sent', ?)", [t.services.now().toISOString(), JSON.stringify({ url: `/s/${a}` })])
    await t.db.run("INSERT INTO core_deliveries (id, event_seq, event_id, subscriber, state, attempts, max_attempts, next_attempt_at, last_error, created_at) VALUES ('dlv_old', 1, ?, 'satisfaction-survey:send-invitation', 'dead', 8, 8, ?, ?, ?)",
      [invitation, t.services.now().toISOString(), `webhook refused /s/${a}`, t.services.now().toISOString()])

    await upgrade()

    const stored = async (id: string) => JSON.parse((await t.db.get<{ payload: string }>('SELECT payload FROM core_events WHERE id = ?', [id]))!.payload)
    expect(await stored(invitation)).toEqual({ invitationId: 'inv_1', surveyId: 'srv_1', version: 1, url: '/s/[redacted]', expiresAt: '2026-07-01T08:00:00.000Z', locale: 'zh-CN', source: 'manual' })
    expect(await stored(twice)).toEqual({ links: ['https://shop.example/s/[redacted]?utm=mail', { page: '/m/[redacted]' }], note: 'sent eyJhbGciOi.not-a-link' })
    expect(await stored(order)).toEqual(plain)
    expect((await t.db.get<{ details: string }>("SELECT details FROM core_audit_log WHERE action = 'custom.link-sent'"))!.details).toBe('{"url":"/s/[redacted]"}')
    expect((await t.db.get<{ last_error: string }>("SELECT last_error FROM core_deliveries WHERE id = 'dlv_old'"))!.last_error).toBe('webhook refused /s/[redacted]')

    const listed = JSON.stringify(await json(await t.request('GET', '/api/v1/events?limit=200')))
    for (const token of [a, b, member]) expect(listed).not.toContain(token)
    expect(listed).toContain('/s/[redacted]')
  })

  it('leaves payloads without a link token byte for byte', async () => {
    const id = await insertEvent('order.completed', { orderId: 'SO-2', amountMinor: 100, currency: 'CNY', note: 'a JWT is no link: eyJhbGciOiJIUzI1NiJ9.e30.c2ln' })
    const before = (await t.db.get<{ payload: string }>('SELECT payload FROM core_events WHERE id = ?', [id]))!.payload
    await upgrade()
    expect((await t.db.get<{ payload: string }>('SELECT payload FROM core_events WHERE id = ?', [id]))!.payload).toBe(before)
  })
})

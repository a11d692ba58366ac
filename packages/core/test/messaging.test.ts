/**
 * The delivery service through its public surface: a plugin's `ctx.deliver` in its own
 * transaction, the SMTP email channel against a real SMTP server, the delivery log and timeline,
 * retries while the server is unreachable, templates in the customer's language, unsubscribe,
 * consent, quiet hours, the contact budget, a plugin's own channel, and the settings' access.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { quietUntil } from '../src/messaging/quiet-hours.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { notifierPlugin } from './fixtures/notifier-plugin.js'
import { closedPort, startSmtpSink, type SmtpSink } from './fixtures/smtp-sink.js'

const HOUR = 3600_000

describe('quiet hours', () => {
  it.each([
    ['2026-06-01T14:00:00Z', '2026-06-02T00:00:00.000Z'], // 22:00 in Shanghai: until 08:00
    ['2026-06-01T23:59:00Z', '2026-06-02T00:00:00.000Z'], // 07:59
    ['2026-06-01T00:00:00Z', undefined], // 08:00: over
    ['2026-06-01T08:00:00Z', undefined], // 16:00
    ['2026-06-01T13:00:00Z', '2026-06-02T00:00:00.000Z'], // 21:00 sharp
  ])('at %s a 21:00–08:00 window waits until %s', (now, until) => {
    expect(quietUntil(new Date(now), { start: '21:00', end: '08:00' }, 'Asia/Shanghai')?.toISOString()).toBe(until)
  })
  it('handles a window within one day', () => {
    expect(quietUntil(new Date('2026-06-01T05:00:00Z'), { start: '12:00', end: '14:00' }, 'Asia/Shanghai')?.toISOString()).toBe('2026-06-01T06:00:00.000Z')
  })
})

describe.each(dialects)('the delivery service on %s', (dialect) => {
  let t: TestApp
  let smtp: SmtpSink
  const { plugin, sms } = notifierPlugin()
  const settings = (port: number, extra: Record<string, unknown> = {}) =>
    t.request('PUT', '/api/v1/messaging/settings', { body: { publicUrl: 'https://crm.example.cn', defaultLocale: 'zh-CN', email: { host: '127.0.0.1', port, from: 'service@shop.example.cn', user: 'mailer', password: 'smtp-pass-123' }, ...extra } })
  const customer = async (fields: Record<string, unknown>) => (await json(await t.request('POST', '/api/v1/customers', { body: fields }))).id as string
  const notice = async (body: Record<string, unknown>) => t.request('POST', '/api/p/notifier/notices', { body })
  const messages = async (customerId: string) => (await json(await t.request('GET', `/api/v1/messages?customerId=${customerId}`, { as: 'agent' }))).items
  const timeline = async (customerId: string) => (await json(await t.request('GET', `/api/v1/customers/${customerId}/events`))).items as Array<{ type: string; payload: unknown }>

  beforeAll(async () => {
    smtp = await startSmtpSink()
    t = await createTestApp(dialect, { plugins: [plugin] })
  }, 60_000)
  beforeEach(async () => {
    await t.reset()
    smtp.mails.length = 0
    smtp.refuse.clear()
    smtp.logins.length = 0
    sms.length = 0
    expect((await settings(smtp.port)).status).toBe(200)
  })
  afterAll(async () => { await t.close(); await smtp.close() })

  it('writes the message in the caller transaction, sends it after commit with an HTML and a text part in the customer locale, once per key', async () => {
    const lin = await customer({ name: 'Lin', email: 'lin@example.com', locale: 'en' })
    const wang = await customer({ name: '王芳', email: 'wang@example.cn', locale: 'zh-CN' })
    const res = await notice({ customerId: lin, key: 'k1', template: 'survey.invitation' })
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({ state: 'queued', duplicate: false })
    expect(await json(await notice({ customerId: lin, key: 'k1', template: 'survey.invitation' }))).toMatchObject({ state: 'queued', duplicate: true })
    await notice({ customerId: wang, key: 'k2', template: 'survey.invitation' })
    expect(smtp.mails).toHaveLength(0) // nothing before the worker runs
    expect((await messages(lin))[0]).toMatchObject({ state: 'queued', template: 'survey.invitation', plugin: 'notifier', attempts: 0 })

    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(2)
    const en = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('lin@example.com'))!
    const zh = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes('wang@example.cn'))!
    expect(en.subject).toBe('A short survey: how are we doing?')
    expect(en.text).toContain('Hello Lin')
    expect(en.html).toContain('<p>Hello Lin,</p>')
    expect(zh.subject).toBe('一份简短的问卷：我们做得怎么样？')
    expect(zh.text).toContain('王芳，您好')
    expect(en.headerLines.map((l) => l.line)).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect((await messages(lin))[0]).toMatchObject({ state: 'sent', channel: 'email', locale: 'en', attempts: 1, lastError: null })
    expect((await timeline(lin)).map((e) => e.type)).toEqual(expect.arrayContaining(['message.queued', 'message.sent']))
    // A second drain sends nothing again.
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(2)
  })

  it('leaves no message when the caller rolls back', async () => {
    const lin = await customer({ name: 'Lin', email: 'lin@example.com' })
    expect((await notice({ customerId: lin, key: 'k1', failAfter: true })).status).toBe(500)
    expect(await messages(lin)).toEqual([])
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(0)
  })

  it('suppresses a message when email is not set up, or when its link expired before it could go', async () => {
    const lin = await customer({ name: 'Lin', email: 'lin@example.com' })
    await notice({ customerId: lin, key: 'k1', link: { path: '/x/{token}', linkId: 'l1', expiresAt: '2026-06-01T07:00:00.000Z' } })
    await t.drainDeliveries()
    expect((await messages(lin))[0]).toMatchObject({ state: 'suppressed', lastError: 'The link expired before the message could be sent' })
    expect((await t.request('PUT', '/api/v1/messaging/settings', { body: {} })).status).toBe(200)
    await notice({ customerId: lin, key: 'k2' })
    await t.drainDeliveries()
    expect((await messages(lin))[0]).toMatchObject({ state: 'suppressed', lastError: 'The email channel is not set up' })
    expect(smtp.mails).toHaveLength(0)
  })

  it('keeps the message queued while the server is unreachable, retries with backoff, and sends once it answers; the request succeeds', async () => {
    expect((await settings(await closedPort())).status).toBe(200)
    const lin = await customer({ name: 'Lin', email: 'lin@example.com', locale: 'en' })
    expect((await notice({ customerId: lin, key: 'k1' })).status).toBe(200)
    await t.drainDeliveries()
    const [queued] = await messages(lin)
    expect(queued).toMatchObject({ state: 'queued', attempts: 1 })
    expect(queued.lastError).toMatch(/ECONNREFUSED|connect/i)
    await t.drainDeliveries() // not due yet: the backoff holds it
    expect((await messages(lin))[0].attempts).toBe(1)

    expect((await settings(smtp.port)).status).toBe(200)
    t.advance(2 * 60_000)
    await t.drainDeliveries()
    expect((await messages(lin))[0]).toMatchObject({ state: 'sent', attempts: 2 })
    expect(smtp.mails).toHaveLength(1)
  })

  it('records a bounce the server reports and does not retry it', async () => {
    const lin = await customer({ name: 'Lin', email: 'gone@example.com' })
    smtp.refuse.add('gone@example.com')
    await notice({ customerId: lin, key: 'k1' })
    await t.drainDeliveries()
    const [bounced] = await messages(lin)
    expect(bounced).toMatchObject({ state: 'bounced', attempts: 1 })
    expect(bounced.lastError).not.toContain('gone@example.com')
    expect((await timeline(lin)).find((e) => e.type === 'message.failed')?.payload).toMatchObject({ state: 'bounced' })
  })

  it('honours a one-click unsubscribe in every later message, and keeps the token out of events and the log', async () => {
    const lin = await customer({ name: 'Lin', email: 'lin@example.com', locale: 'en' })
    await notice({ customerId: lin, key: 'k1', template: 'survey.invitation' })
    await t.drainDeliveries()
    const url = /https:\/\/crm\.example\.cn(\/api\/v1\/messaging\/unsubscribe\/\S+)/.exec(smtp.mails[0]!.text ?? '')
    const path = url![1]!
    expect(smtp.mails[0]!.headerLines.find((l) => l.key === 'list-unsubscribe')?.line).toContain(path)
    const page = await t.request('GET', path, { as: 'anonymous' })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Stop receiving messages from us by email?')
    expect((await t.request('POST', path, { as: 'anonymous' })).status).toBe(200)
    expect((await t.request('POST', `${path}x`, { as: 'anonymous' })).status).toBe(400)

    await notice({ customerId: lin, key: 'k2' })
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(1)
    expect((await messages(lin))[0]).toMatchObject({ state: 'suppressed', lastError: 'The customer unsubscribed from email' })
    expect((await json(await t.request('GET', `/api/v1/customers/${lin}/consents`, { as: 'agent' }))).items).toMatchObject([{ channel: 'email', state: 'withdrawn', source: 'unsubscribe-link' }])
    const token = path.split('/').pop()!
    const events = JSON.stringify(await t.db.all('SELECT * FROM core_events'))
    const stored = JSON.stringify(await t.db.all('SELECT * FROM core_messages'))
    for (const text of [events, stored]) {
      expect(text).not.toContain(token)
      expect(text).not.toContain('lin@example.com')
    }
    expect(events).toContain('message.unsubscribed')
  })

  it('holds messages during quiet hours in the business time zone, then sends them', async () => {
    expect((await settings(smtp.port, { quietHours: { start: '21:00', end: '08:00' } })).status).toBe(200)
    const lin = await customer({ name: 'Lin', email: 'lin@example.com' })
    t.advance(6 * HOUR) // 14:00Z, 22:00 in Shanghai
    await notice({ customerId: lin, key: 'k1' })
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(0)
    expect((await messages(lin))[0]).toMatchObject({ state: 'queued', attempts: 0 })
    t.advance(10 * HOUR) // 08:00 the next morning
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(1)
  })

  it('suppresses what goes over the contact budget', async () => {
    expect((await settings(smtp.port, { budget: { max: 1, periodHours: 2 } })).status).toBe(200)
    const lin = await customer({ name: 'Lin', email: 'lin@example.com' })
    await notice({ customerId: lin, key: 'k1' })
    await t.drainDeliveries()
    await notice({ customerId: lin, key: 'k2' })
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(1)
    expect((await messages(lin)).map((m: { state: string }) => m.state)).toEqual(['suppressed', 'sent'])
    t.advance(3 * HOUR)
    await notice({ customerId: lin, key: 'k3' })
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(2)
  })

  it("sends through a plugin's channel with its config, and refuses unknown channels and templates with coded errors", async () => {
    const lin = await customer({ name: 'Lin', phone: '+86 138-0013-8000', locale: 'en' })
    await notice({ customerId: lin, key: 'k1', channel: 'sms', data: { title: 'Hi', body: 'Your parcel left' } })
    await t.drainDeliveries()
    expect(sms).toMatchObject([{ to: '+86 138-0013-8000', subject: 'Hi', config: { smsSignature: 'Rapport' } }])
    const fax = await notice({ customerId: lin, key: 'k2', channel: 'fax' })
    expect(fax.status).toBe(404)
    expect((await json(fax)).error.code).toBe('MESSAGE_CHANNEL_NOT_FOUND')
    expect((await json(await notice({ customerId: lin, key: 'k3', template: 'nope' }))).error.code).toBe('MESSAGE_TEMPLATE_NOT_FOUND')
    // No channel named and no email address: the first channel the customer has an address for.
    await notice({ customerId: lin, key: 'k4', data: { title: 'Hello' } })
    await t.drainDeliveries()
    expect(sms.map((m) => m.subject)).toEqual(['Hi', 'Hello'])
    // No address at all: nothing to send it to, recorded as such.
    const nobody = await customer({ name: 'Nobody' })
    await notice({ customerId: nobody, key: 'k5' })
    await t.drainDeliveries()
    expect((await messages(nobody))[0]).toMatchObject({ state: 'suppressed', lastError: 'The recipient has no address on any channel' })
  })

  it('shows the settings to owners and admins only, with the password masked and kept', async () => {
    const read = await json(await t.request('GET', '/api/v1/messaging/settings', { as: 'admin' }))
    expect(read.email).toMatchObject({ host: '127.0.0.1', password: '********' })
    for (const as of ['agent', 'analyst'] as const) expect((await t.request('GET', '/api/v1/messaging/settings', { as })).status).toBe(403)
    expect((await t.request('PUT', '/api/v1/messaging/settings', { body: { ...read } })).status).toBe(200)
    const lin = await customer({ name: 'Lin', email: 'lin@example.com' })
    await notice({ customerId: lin, key: 'k1' })
    await t.drainDeliveries()
    expect(smtp.mails).toHaveLength(1)
    expect(smtp.logins.at(-1)).toEqual({ user: 'mailer', password: 'smtp-pass-123' }) // the masked password was kept
    const bad = await t.request('POST', '/api/v1/messaging/test', { body: { to: 'not-an-address' } })
    expect(bad.status).toBe(422)
    expect((await json(bad)).error.code).toBe('MESSAGE_ADDRESS_INVALID')
    expect(await json(await t.request('POST', '/api/v1/messaging/test', { body: { to: 'ops@example.com', locale: 'en' } }))).toEqual({ sent: true, error: null })
    expect(smtp.mails[1]!.subject).toBe('Rapport test message')
  })

  it('previews a template in either language', async () => {
    const en = await json(await t.request('POST', '/api/v1/messaging/templates/complaint.csat-survey/preview', { body: { locale: 'en', params: { customerName: 'Lin', caseNumber: 'C-7' } }, as: 'agent' }))
    expect(en.subject).toBe('How did we handle your complaint?')
    expect(en.text).toContain('Hello Lin,')
    const zh = await json(await t.request('POST', '/api/v1/messaging/templates/complaint.csat-survey/preview', { body: { locale: 'zh-CN', params: { customerName: '<b>王</b>' } } }))
    expect(zh.html).toContain('&#60;b&#62;王')
    const missing = await t.request('POST', '/api/v1/messaging/templates/nope/preview', { body: { locale: 'en' } })
    expect((await json(missing)).error.code).toBe('MESSAGE_TEMPLATE_NOT_FOUND')
  })
})

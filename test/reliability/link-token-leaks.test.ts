/**
 * Live customer links leak nowhere (issue 17, item 2). A signed link (`<payload>.<signature>`,
 * the payload base64url JSON starting `{"c":"`, so `eyJjIjoi…`) opens a customer's pages as that
 * customer: an analyst who found one in `GET /api/v1/events` could answer a survey as the customer.
 *
 * A whole scenario runs with every installed plugin: a survey invitation (and one triggered by a
 * resolved complaint), a member link, a complaint link, the customer's response (a detractor,
 * which opens a case), a complaint filed through the link. Then every event (all pages), the
 * customer's timeline, events and export, the audit log, deliveries and the plugins' lists are
 * read, and every response body of the scenario but the ones that issue a link is scanned for
 * anything token-shaped: none is found. Only the webhook channel, whose job is to send the link,
 * receives one, and that link opens the invitation. A real server's request log (pages opened at
 * `/s/<token>`, `/m/<token>`, `/c/<token>/…`, tokens in headers and query strings) holds none either.
 */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { issueCustomerLink } from '@rapport/core'
import { dialects, type As, type TestApp } from '@rapport/core/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { COMPLAINTS, createFullApp, expectStatus, npsSurvey, POINTS, SURVEY } from '../support/full-app.js'
import { runCli, startServerProcess, tempEnv, type ServerProcess } from '../support/rapport-process.js'
import { OWNER } from '../support/shop-load.js'

/** Anything shaped like a signed customer link: the payload's fixed start, or a body and a 43-character HMAC. */
const TOKEN_SHAPES = [/eyJjIjoi[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/, /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/]
const WEBHOOK_SECRET = 'link-leak-webhook-secret'

/** The token-shaped strings in a text, with where they were. */
function tokensIn(text: string, where: string): string[] {
  return TOKEN_SHAPES.flatMap((shape) => [...text.matchAll(new RegExp(shape, 'g'))].map((m) => `${where}: ${m[0]}`))
}

describe.each(dialects)('customer links outside their issuing response, on %s', (dialect) => {
  let t: TestApp
  let hook: Server
  let received: Array<Record<string, any>>
  /** Every response body of the scenario, but the issuing ones. */
  let seen: Array<{ where: string; text: string }>
  /** Every token handed out. */
  let issued: string[]

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => { body += chunk })
      req.on('end', () => { received.push(JSON.parse(body)); res.end() })
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    t = await createFullApp(dialect)
  }, 120_000)
  beforeEach(async () => {
    await t.reset()
    received = []
    seen = []
    issued = []
  })
  afterAll(async () => {
    await t?.close()
    hook?.close()
  })

  /** A request whose answer is recorded for the scan; `issuing` marks the one answer allowed to hold a link. */
  async function call(method: string, path: string, status: number, options: { body?: unknown; as?: As; issuing?: true } = {}): Promise<any> {
    const res = await t.request(method, path, { ...(options.body === undefined ? {} : { body: options.body }), ...(options.as === undefined ? {} : { as: options.as }) })
    const text = await res.text()
    if (!options.issuing) seen.push({ where: `${method} ${path} → ${res.status}`, text })
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${text}`)
    return res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
  }

  /** Every page of a cursor-paged list. */
  async function allPages(path: string): Promise<any[]> {
    const items: any[] = []
    let cursor: string | null = null
    do {
      const page: any = await call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, 200)
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  /** The scenario: links of every kind, used, and what they lead to. Returns the customer and the survey. */
  async function scenario(): Promise<{ customer: string; surveyId: string; invitationId: string }> {
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
    await call('PUT', '/api/v1/plugins/satisfaction-survey/config', 200, { body: { quietDays: 0, channels: { webhook: { url, secret: WEBHOOK_SECRET } } } })
    const customer = (await call('POST', '/api/v1/customers', 201, { body: { externalId: 'leak-a', name: '王芳', email: 'wf@example.cn' } })).id as string
    const survey = await call('POST', `${SURVEY}/surveys`, 201, { body: { name: 'After-sale NPS', json: npsSurvey, scores: { nps: 'nps' }, triggers: [{ on: 'complaint.resolved', delayDays: 0 }] } })
    await call('POST', `${SURVEY}/surveys/${survey.id}/versions`, 201)

    const invitation = await call('POST', `${SURVEY}/surveys/${survey.id}/invitations`, 201, { body: { customerId: customer }, issuing: true })
    issued.push(invitation.token)
    await call('POST', `${POINTS}/members`, 201, { body: { customerId: customer } })
    await call('POST', `${POINTS}/members/${customer}/adjustments`, 201, { body: { points: 300, reason: 'welcome', idempotencyKey: 'leak-welcome' } })
    const member = await call('POST', `${POINTS}/members/${customer}/links`, 201, { body: {}, issuing: true })
    issued.push(member.token)
    const complaintLink = await call('POST', `/api/v1/customers/${customer}/links`, 201, { body: { purpose: 'complaint-tracking' }, issuing: true })
    issued.push(complaintLink.token)
    const surveyLinkByCore = await call('POST', `/api/v1/customers/${customer}/links`, 201, { body: { purpose: 'satisfaction-survey', singleUse: true }, issuing: true })
    issued.push(surveyLinkByCore.token)

    // The customer uses each link.
    await call('GET', `${SURVEY}/respond`, 200, { as: { link: invitation.token } })
    await call('POST', `${SURVEY}/respond/${survey.id}/complete`, 201, { as: { link: invitation.token }, body: { answers: { nps: 3, why: 'Late again' } } })
    await call('GET', `${POINTS}/me`, 200, { as: { link: member.token } })
    const filed = await call('POST', `${COMPLAINTS}/me/cases`, 201, { as: { link: complaintLink.token }, body: { category: 'other', description: 'The parcel came open' } })
    await call('GET', `${COMPLAINTS}/cases/${filed.id}`, 200, { as: { link: complaintLink.token } })

    // Staff resolve the complaint: an invitation is triggered, sent by the webhook only.
    for (const to of ['open', 'resolved']) await call('POST', `${COMPLAINTS}/cases/${filed.id}/transitions`, 200, { body: { to, resolutionCode: 'replaced', summary: 'New parcel sent' } })
    await t.drainDeliveries()
    return { customer, surveyId: survey.id, invitationId: invitation.id }
  }

  it('puts no usable link in any event, timeline, export, audit entry, delivery or API answer but the issuing one', async () => {
    const { customer, surveyId, invitationId } = await scenario()

    const events = await allPages('/api/v1/events')
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['survey.invitation.created', 'survey.response.completed', 'survey.detractor', 'complaint.opened', 'complaint.resolved']))
    await allPages('/api/v1/events?type=survey.invitation.created')
    await allPages(`/api/v1/customers/${customer}/events`)
    await call('GET', `/api/v1/customers/${customer}/timeline`, 200)
    await call('GET', `/api/v1/customers/${customer}/export`, 200)
    await call('GET', `/api/v1/customers/${customer}`, 200)
    await call('GET', '/api/v1/audit?limit=200', 200)
    await call('GET', '/api/v1/deliveries?limit=200', 200)
    await call('GET', `${SURVEY}/invitations?limit=100`, 200)
    await call('GET', `${SURVEY}/responses?limit=100`, 200)
    await call('GET', `${SURVEY}/exports/responses.csv?surveyId=${surveyId}`, 200)
    await call('GET', `${COMPLAINTS}/cases?limit=100`, 200)
    await call('GET', `${POINTS}/members/${customer}`, 200)

    // The old place: survey.invitation.created carried the link as `url`; it carries none now.
    const created = events.filter((e) => e.type === 'survey.invitation.created')
    expect(created).toHaveLength(2)
    for (const e of created) expect(e.payload).not.toHaveProperty('url')

    const leaks = seen.flatMap(({ where, text }) => [...tokensIn(text, where), ...issued.filter((token) => text.includes(token)).map((token) => `${where}: ${token}`)])
    expect(leaks).toEqual([])

    // The channel that sends links gets them, and what it got opens the invitations.
    expect(received.map((m) => m.invitationId)).toEqual(expect.arrayContaining(created.map((e) => e.payload.invitationId)))
    expect(received.find((m) => m.invitationId === invitationId)!.url).toBe(`/s/${issued[0]}`)
    const triggered = received.find((m) => m.invitationId !== invitationId)!
    expect((await t.request('GET', `${SURVEY}/respond`, { as: { link: triggered.url.slice('/s/'.length) } })).status).toBe(200)
  })

  it('sends an invitation issued before links were signed from their invitation a link that opens it, and retires the old token', async () => {
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
    await call('PUT', '/api/v1/plugins/satisfaction-survey/config', 200, { body: { quietDays: 0, channels: { webhook: { url, secret: WEBHOOK_SECRET } } } })
    const customer = (await call('POST', '/api/v1/customers', 201, { body: { externalId: 'leak-old' } })).id as string
    const survey = await call('POST', `${SURVEY}/surveys`, 201, { body: { name: 'Old NPS', json: npsSurvey, scores: { nps: 'nps' } } })
    await call('POST', `${SURVEY}/surveys/${survey.id}/versions`, 201)
    const invitation = await call('POST', `${SURVEY}/surveys/${survey.id}/invitations`, 201, { body: { customerId: customer }, issuing: true })
    // As issued before: a link with a random link id, only its hash stored.
    const old = issueCustomerLink(t.services, { customerId: customer, purpose: 'satisfaction-survey', expiresAt: invitation.expiresAt }).token
    await t.db.run('UPDATE satisfaction_invitations SET token_hash = ? WHERE id = ?', [createHash('sha256').update(old).digest('hex'), invitation.id])
    expect((await t.request('GET', `${SURVEY}/respond`, { as: { link: old } })).status).toBe(200)

    await t.drainDeliveries()
    const sent = received.find((m) => m.invitationId === invitation.id)!
    expect(sent.url).not.toBe(`/s/${old}`)
    expect((await t.request('GET', `${SURVEY}/respond`, { as: { link: sent.url.slice('/s/'.length) } })).status).toBe(200)
    expect((await t.request('GET', `${SURVEY}/respond`, { as: { link: old } })).status).toBe(404)
  })
})

describe('request logs of a real server', () => {
  const env = tempEnv({ LOG_LEVEL: 'info' })
  let server: ServerProcess

  beforeAll(async () => {
    expect((await runCli(['create-admin', '--email', OWNER.email, '--name', 'Owner', '--role', 'owner'], { ...env, RAPPORT_ADMIN_PASSWORD: OWNER.password })).code).toBe(0)
    server = await startServerProcess(env)
  }, 60_000)
  afterAll(async () => { await server?.kill() })

  it('never logs a link token, from a page path, a query string or a header', async () => {
    const send = (method: string, path: string, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) =>
      fetch(`${server.url}${path}`, { method, headers: { origin: server.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const cookie = (await send('POST', '/api/v1/auth/login', { body: OWNER })).headers.get('set-cookie')!.split(';')[0]!
    const staff = async (method: string, path: string, body?: unknown) => expectStatus(await send(method, path, { body, headers: { cookie } }), method === 'POST' ? 201 : 200, `${method} ${path}`)
    const customer = (await staff('POST', '/api/v1/customers', { externalId: 'log-a' })).id as string
    const survey = await staff('POST', `${SURVEY}/surveys`, { name: 'Logged NPS', json: npsSurvey })
    await staff('POST', `${SURVEY}/surveys/${survey.id}/versions`)
    const surveyToken = (await staff('POST', `${SURVEY}/surveys/${survey.id}/invitations`, { customerId: customer })).token as string
    await staff('POST', `${POINTS}/members`, { customerId: customer })
    const memberToken = (await staff('POST', `${POINTS}/members/${customer}/links`, {})).token as string
    const complaintToken = (await staff('POST', `/api/v1/customers/${customer}/links`, { purpose: 'complaint-tracking' })).token as string

    for (const [path, token] of [[`/s/${surveyToken}`, surveyToken], [`/m/${memberToken}`, memberToken], [`/c/${complaintToken}/cmp_x`, complaintToken]] as const) {
      await send('GET', path)
      await send('GET', `${path}?link=${token}`)
      await send('GET', `/api/v1/nowhere/${token}?token=${token}`)
    }
    expect((await send('GET', `${SURVEY}/respond`, { headers: { 'x-rapport-link': surveyToken } })).status).toBe(200)
    expect((await send('GET', `${POINTS}/me`, { headers: { 'x-rapport-link': memberToken } })).status).toBe(200)
    await send('GET', `${SURVEY}/respond`, { headers: { 'x-rapport-link': `${surveyToken}x` } })
    // The public form's tracking token: handed out in the answer, sent back in a body, opened on a page by its fragment.
    const form = { name: 'Log', phone: '13800000000', category: 'other', description: 'logged form' }
    const trackingToken = (await expectStatus(await send('POST', `${COMPLAINTS}/form`, { body: form }), 201, 'form')).trackingToken as string
    expect((await send('POST', `${COMPLAINTS}/tracking`, { body: { token: trackingToken } })).status).toBe(200)
    await send('GET', `/c/track#${trackingToken}`)

    await new Promise((resolve) => setTimeout(resolve, 200))
    const log = server.output()
    expect(log).toContain('"msg":"request"')
    expect(tokensIn(log, 'log')).toEqual([])
    for (const token of [surveyToken, memberToken, complaintToken]) expect(log).not.toContain(token.split('.')[1])
    expect(log).not.toContain(trackingToken.slice(trackingToken.lastIndexOf('.') + 1))
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import complaintTracking from '../server/index.js'
import { base, fileCase, linkFor } from './complaints-client.js'

type Who = 'anonymous' | 'analyst' | 'agent' | 'admin' | 'owner' | 'readKey' | 'writeKey' | 'link' | 'otherLink'
const everyone: Who[] = ['anonymous', 'analyst', 'agent', 'admin', 'owner', 'readKey', 'writeKey', 'link', 'otherLink']
const staffWrite: Who[] = ['agent', 'admin', 'owner', 'writeKey']
const staffRead: Who[] = ['analyst', 'agent', 'admin', 'owner', 'readKey']

/**
 * Route → who may call it (any answer but 401/403); everyone else gets 401 (anonymous) or 403.
 * `link` holds a link for the case's customer; `otherLink` one for another customer (403 LINK_WRONG_CUSTOMER).
 */
const matrix: Array<[string, 'get' | 'post' | 'patch' | 'put' | 'delete', (caseId: string) => string, (customerId: string) => unknown, Who[]]> = [
  ['file a case', 'post', () => '/cases', (customerId) => ({ customerId, category: 'other', description: 'access test' }), staffWrite],
  ['list my own cases', 'get', () => '/me/cases', () => undefined, ['link', 'otherLink']],
  ['file my own case', 'post', () => '/me/cases', () => ({ category: 'other', description: 'access test' }), ['link', 'otherLink']],
  ['list cases', 'get', () => '/cases', () => undefined, staffRead],
  ['read a case', 'get', (id) => `/cases/${id}`, () => undefined, [...staffRead, 'link']],
  ['edit a case', 'patch', (id) => `/cases/${id}`, () => ({ priority: 'high' }), staffWrite],
  ['move a case', 'post', (id) => `/cases/${id}/transitions`, () => ({ to: 'open' }), staffWrite],
  ['reply', 'post', (id) => `/cases/${id}/messages`, () => ({ body: 'hello', visibility: 'customer' }), staffWrite],
  ['reply on my own case', 'post', (id) => `/me/cases/${id}/messages`, () => ({ body: 'hello' }), ['link']],
  ['assign', 'post', (id) => `/cases/${id}/assignment`, () => ({ assigneeId: 'team:front-desk' }), staffWrite],
  ['attach', 'post', (id) => `/cases/${id}/attachments`, () => ({ files: [{ fileName: 'a.txt', contentType: 'text/plain', dataBase64: 'aGk=' }] }), [...staffWrite, 'link']],
  ['download', 'get', (id) => `/cases/${id}/attachments/nope`, () => undefined, [...staffRead, 'link']],
  ['list follow-ups', 'get', () => '/follow-ups?due=true', () => undefined, staffRead],
  ['record a follow-up', 'post', () => '/follow-ups/nope/outcome', () => ({ reached: false }), staffWrite],
  ['read a follow-up', 'get', () => '/follow-ups/nope', () => undefined, staffRead],
  ['schedule a follow-up', 'post', () => '/follow-ups', (customerId) => ({ customerId, dueAt: '2027-01-04T02:00:00Z' }), staffWrite],
  ['reschedule a follow-up', 'patch', () => '/follow-ups/nope', () => ({ dueAt: '2027-01-04T02:00:00Z' }), staffWrite],
  ['call for a follow-up', 'post', () => '/follow-ups/nope/attempts', () => ({ outcome: 'not_reached' }), staffWrite],
  ['merge cases', 'post', (id) => `/cases/${id}/merge`, () => ({ into: 'nope' }), staffWrite],
  ['bulk actions', 'post', () => '/cases/bulk', () => ({ ids: ['nope'], addTags: ['x'] }), staffWrite],
  ['list canned replies', 'get', () => '/canned-replies', () => undefined, staffRead],
  ['add a canned reply', 'post', () => '/canned-replies', () => ({ title: 't', body: 'b', locale: 'en' }), staffWrite],
  ['change a canned reply', 'put', () => '/canned-replies/nope', () => ({ title: 't', body: 'b', locale: 'en' }), staffWrite],
  ['delete a canned reply', 'delete', () => '/canned-replies/nope', () => undefined, staffWrite],
  ['list my views', 'get', () => '/views', () => undefined, staffRead],
  ['save a view', 'post', () => '/views', () => ({ name: 'v', filters: {} }), staffRead],
  ['delete a view', 'delete', () => '/views/nope', () => undefined, staffRead],
  ['analytics', 'get', () => '/analytics', () => undefined, staffRead],
  ['SLA analytics', 'get', () => '/analytics/sla?by=agent', () => undefined, staffRead],
  ['text analytics', 'get', () => '/analytics/texts', () => undefined, staffRead],
  ['preview a holiday file', 'post', () => '/holiday-previews', () => ({ format: 'csv', content: '2027-01-01' }), ['admin', 'owner']],
  ['public form info', 'get', () => '/form', () => undefined, everyone],
  ['track a form case', 'post', () => '/tracking', () => ({ token: 'cmp_nope.sig' }), everyone],
  ['reply through tracking', 'post', () => '/tracking/messages', () => ({ token: 'cmp_nope.sig', body: 'hello' }), everyone],
  ['public form', 'post', () => '/form', () => ({ name: '王芳', phone: '13800000000', category: 'other', description: 'access test' }), everyone],
]

describe.each(dialects)('who may call each route on %s', (dialect) => {
  let host: TestHost
  let customerId: string
  let caseId: string
  let clients: Record<Who, ReturnType<TestHost['as']>>
  beforeAll(async () => {
    host = await createTestHost({ plugins: [complaintTracking], dialect })
    customerId = await host.customer()
    caseId = (await fileCase(host, customerId)).id
    const other = await host.customer()
    const keys = { readKey: await host.apiKey(['customers:read']), writeKey: await host.apiKey(['customers:write']) }
    clients = {
      anonymous: host.as('anonymous'), analyst: host.as('analyst'), agent: host.as('agent'), admin: host.as('admin'), owner: host.http,
      readKey: host.as({ apiKey: keys.readKey }), writeKey: host.as({ apiKey: keys.writeKey }),
      link: host.as({ link: await linkFor(host, customerId) }), otherLink: host.as({ link: await linkFor(host, other) }),
    }
  }, 60_000)
  afterAll(() => host.close())

  it.each(matrix)('%s', async (_name, method, path, body, allowed) => {
    for (const who of everyone) {
      const url = `${base}${path(caseId)}`
      const res = method === 'get' || method === 'delete' ? await clients[who][method](url) : await clients[who][method](url, body(customerId))
      const expected = allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403
      expect(expected === 'allowed' ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected, `${who}: ${res.status}`).toBe(true)
    }
  })
})

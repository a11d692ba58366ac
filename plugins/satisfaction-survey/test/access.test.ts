import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { base, invite, publishedSurvey } from './survey-client.js'

type Who = 'anonymous' | 'analyst' | 'agent' | 'admin' | 'owner' | 'readKey' | 'writeKey' | 'link'
const everyone: Who[] = ['anonymous', 'analyst', 'agent', 'admin', 'owner', 'readKey', 'writeKey', 'link']
const staffRead: Who[] = ['analyst', 'agent', 'admin', 'owner', 'readKey']
const staffWrite: Who[] = ['agent', 'admin', 'owner', 'writeKey']
const admins: Who[] = ['admin', 'owner']

type Ids = { surveyId: string; customerId: string; publicToken: string }
/** Route → who may call it (any answer but 401/403); everyone else gets 401 (anonymous) or 403. */
const matrix: Array<[string, 'get' | 'post' | 'put' | 'delete', (ids: Ids) => string, (ids: Ids) => unknown, Who[]]> = [
  ['list templates', 'get', () => '/templates', () => undefined, staffRead],
  ['create a survey', 'post', () => '/surveys', () => ({ name: 'x', templateId: 'nps' }), admins],
  ['list surveys', 'get', () => '/surveys', () => undefined, staffRead],
  ['read a survey', 'get', (i) => `/surveys/${i.surveyId}`, () => undefined, staffRead],
  ['edit a draft', 'put', (i) => `/surveys/${i.surveyId}`, () => ({ name: 'renamed' }), admins],
  ['delete a survey', 'delete', () => '/surveys/srv_none', () => undefined, admins],
  ['archive a survey', 'post', () => '/surveys/srv_none/archive', () => undefined, admins],
  ['publish', 'post', (i) => `/surveys/${i.surveyId}/versions`, () => undefined, admins],
  ['list versions', 'get', (i) => `/surveys/${i.surveyId}/versions`, () => undefined, staffRead],
  ['read a version', 'get', (i) => `/surveys/${i.surveyId}/versions/1`, () => undefined, staffRead],
  ['edit a version', 'put', (i) => `/surveys/${i.surveyId}/versions/1`, () => undefined, admins],
  ['invite', 'post', (i) => `/surveys/${i.surveyId}/invitations`, (i) => ({ customerId: i.customerId, ignoreQuietPeriod: true }), staffWrite],
  ['list invitations', 'get', () => '/invitations', () => undefined, staffRead],
  ['embed code', 'get', (i) => `/surveys/${i.surveyId}/embed-code`, () => undefined, staffRead],
  ['read the reminder setting', 'get', (i) => `/surveys/${i.surveyId}/reminder`, () => undefined, staffRead],
  ['set the reminder', 'put', (i) => `/surveys/${i.surveyId}/reminder`, () => ({ afterDays: 3 }), admins],
  ['read the limits', 'get', (i) => `/surveys/${i.surveyId}/limits`, () => undefined, staffRead],
  ['set the limits', 'put', (i) => `/surveys/${i.surveyId}/limits`, () => ({ maxPerDay: 100 }), admins],
  ['sign prefilled answers', 'post', () => '/invitations/inv_none/prefills', () => ({ answers: { nps: 9 } }), staffWrite],
  ['list responses', 'get', () => '/responses', () => undefined, staffRead],
  ['read a response', 'get', () => '/responses/rsp_none', () => undefined, staffRead],
  ['open the form', 'get', () => '/respond', () => undefined, ['link']],
  ['save a partial', 'post', (i) => `/respond/${i.surveyId}/partial`, () => ({ answers: { channel: 'web' } }), ['link']],
  ['complete', 'post', (i) => `/respond/${i.surveyId}/complete`, () => ({ answers: { nps: 9 } }), ['link']],
  ['public form', 'get', (i) => `/public/${i.publicToken}`, () => undefined, everyone],
  ['public challenge', 'post', (i) => `/public/${i.publicToken}/challenges`, () => undefined, everyone],
]

describe.each(dialects)('who may call each route on %s', (dialect) => {
  let host: TestHost
  let ids: Ids
  let clients: Record<Who, ReturnType<TestHost['as']>>
  beforeAll(async () => {
    host = await createTestHost({ plugins: [satisfactionSurvey], dialect, config: { 'satisfaction-survey': { publicPerMinute: 1000 } } })
    const customerId = await host.customer()
    const survey = await publishedSurvey(host, { publicLink: { enabled: true } })
    ids = { surveyId: survey.id, customerId, publicToken: survey.publicToken }
    const keys = { readKey: await host.apiKey(['customers:read']), writeKey: await host.apiKey(['customers:write']) }
    clients = {
      anonymous: host.as('anonymous'), analyst: host.as('analyst'), agent: host.as('agent'), admin: host.as('admin'), owner: host.http,
      readKey: host.as({ apiKey: keys.readKey }), writeKey: host.as({ apiKey: keys.writeKey }),
      link: host.as({ link: (await invite(host, survey.id, customerId)).token }),
    }
  }, 60_000)
  afterAll(() => host.close())

  it.each(matrix)('%s', async (_name, method, path, body, allowed) => {
    for (const who of everyone) {
      const url = `${base}${path(ids)}`
      const client = clients[who]
      const res = method === 'get' ? await client.get(url) : method === 'delete' ? await client.delete(url) : method === 'put' ? await client.put(url, body(ids)) : await client.post(url, body(ids))
      const expected = allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403
      expect(expected === 'allowed' ? ![401, 403].includes(res.status) && res.status < 500 : res.status === expected, `${who}: ${res.status}`).toBe(true)
    }
  })
})

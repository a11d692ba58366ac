import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { base, invite, publishedSurvey } from './survey-client.js'

type Who = 'anonymous' | 'analyst' | 'agent' | 'admin' | 'owner' | 'readKey' | 'writeKey' | 'link'
const everyone: Who[] = ['anonymous', 'analyst', 'agent', 'admin', 'owner', 'readKey', 'writeKey', 'link']
// Analytics and exports are staff read: every role, analysts included, and keys with customers:read.
const staffRead: Who[] = ['analyst', 'agent', 'admin', 'owner', 'readKey']

const routes: Array<[string, (surveyId: string) => string]> = [
  ['NPS trend', () => '/analytics/nps'],
  ['NPS segments', () => '/analytics/nps/segments?by=channel'],
  ['score distributions', () => '/analytics/scores'],
  ['question summaries', (s) => `/analytics/questions?surveyId=${s}`],
  ['free-text answers', (s) => `/analytics/texts?surveyId=${s}&question=why`],
  ['invitation rates', () => '/analytics/invitations'],
  ['drop-off', (s) => `/analytics/drop-off?surveyId=${s}`],
  ['CSV export', (s) => `/exports/responses.csv?surveyId=${s}`],
  ['XLSX export', (s) => `/exports/responses.xlsx?surveyId=${s}`],
]

describe.each(dialects)('who may read analytics and exports on %s', (dialect) => {
  let host: TestHost
  let surveyId: string
  let clients: Record<Who, ReturnType<TestHost['as']>>
  beforeAll(async () => {
    host = await createTestHost({ plugins: [satisfactionSurvey], dialect })
    const customerId = await host.customer()
    surveyId = (await publishedSurvey(host)).id
    const keys = { readKey: await host.apiKey(['customers:read']), writeKey: await host.apiKey(['customers:write']) }
    clients = {
      anonymous: host.as('anonymous'), analyst: host.as('analyst'), agent: host.as('agent'), admin: host.as('admin'), owner: host.http,
      readKey: host.as({ apiKey: keys.readKey }), writeKey: host.as({ apiKey: keys.writeKey }),
      link: host.as({ link: (await invite(host, surveyId, customerId)).token }),
    }
  }, 60_000)
  afterAll(() => host.close())

  it.each(routes)('%s', async (_name, path) => {
    for (const who of everyone) {
      const res = await clients[who].get(`${base}${path(surveyId)}`)
      await res.arrayBuffer()
      const expected = staffRead.includes(who) ? 200 : who === 'anonymous' ? 401 : 403
      expect(res.status, who).toBe(expected)
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { base, invite, publishedSurvey } from './survey-client.js'

type Who = 'anonymous' | 'analyst' | 'agent' | 'admin' | 'owner' | 'readKey' | 'writeKey' | 'link'
const everyone: Who[] = ['anonymous', 'analyst', 'agent', 'admin', 'owner', 'readKey', 'writeKey', 'link']
// Analytics are staff read: every role, analysts included, and keys with customers:read.
const staffRead: Who[] = ['analyst', 'agent', 'admin', 'owner', 'readKey']
// Exports hand over personal data in bulk: core's policies.personalDataExport, owners and admins only.
const personalDataExporters: Who[] = ['admin', 'owner']

const routes: Array<[string, (surveyId: string) => string, Who[]]> = [
  ['NPS trend', () => '/analytics/nps', staffRead],
  ['NPS segments', () => '/analytics/nps/segments?by=channel', staffRead],
  ['score distributions', () => '/analytics/scores', staffRead],
  ['question summaries', (s) => `/analytics/questions?surveyId=${s}`, staffRead],
  ['free-text answers', (s) => `/analytics/texts?surveyId=${s}&question=why`, staffRead],
  ['free-text sentiment and themes', (s) => `/analytics/texts/summary?surveyId=${s}&question=why`, staffRead],
  ['invitation rates', () => '/analytics/invitations', staffRead],
  ['drop-off', (s) => `/analytics/drop-off?surveyId=${s}`, staffRead],
  ['score breakdown', () => '/analytics/breakdown?by=channel', staffRead],
  ['period comparison', () => '/analytics/compare?against=previous', staffRead],
  ['CSV export', (s) => `/exports/responses.csv?surveyId=${s}`, personalDataExporters],
  ['XLSX export', (s) => `/exports/responses.xlsx?surveyId=${s}`, personalDataExporters],
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

  it.each(routes)('%s', async (_name, path, allowed) => {
    for (const who of everyone) {
      const res = await clients[who].get(`${base}${path(surveyId)}`)
      await res.arrayBuffer()
      const expected = allowed.includes(who) ? 200 : who === 'anonymous' ? 401 : 403
      expect(res.status, who).toBe(expected)
    }
  })
})

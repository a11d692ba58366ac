/**
 * Exports of personal data, with every plugin the server installs (issue 17, item 7: a segment's
 * CSV was open to analysts and API keys while one customer's export was owner-only). One policy,
 * `policies.personalDataExport` (owners and admins), guards every export: a segment's customers,
 * one customer's whole record, a survey's responses (CSV and XLSX). Each export is in the audit
 * log with who, what and how many rows; a refused export leaves nothing behind.
 */
import { dialects, type As, type TestApp } from '@rapport/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SURVEY, buildWorld, createFullApp, expectStatus, json, type World } from '../support/full-app.js'

type Json = Record<string, any>

describe.each(dialects)('exports of personal data on %s', (dialect) => {
  let t: TestApp
  let w: World
  let exports: Array<{ path: string; action: string; details: Json }>
  beforeAll(async () => {
    t = await createFullApp(dialect)
    w = await buildWorld(t)
    // Customer A is the one member with points; both customers answer the survey.
    const members = { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'points.balance', op: 'gte', value: 1 }] }] }
    const segment = await expectStatus(await t.request('POST', '/api/v1/segments', { body: { name: 'Members with points', definition: members } }), 201, 'segment')
    for (const link of [w.surveyLinkA, w.surveyLinkB]) await expectStatus(await t.request('POST', `${SURVEY}/respond/${w.surveyId}/complete`, { as: { link }, body: { answers: { nps: 9 } } }), 201, 'answer')
    exports = [
      { path: `/api/v1/segments/${segment.id}/export.csv`, action: 'segment.exported', details: { name: 'Members with points', rows: 1 } },
      { path: `/api/v1/customers/${w.customerA}/export`, action: 'customer.exported', details: { rows: 1, events: expect.any(Number) } },
      { path: `${SURVEY}/exports/responses.csv?surveyId=${w.surveyId}`, action: 'satisfaction.responses-exported', details: { format: 'csv', status: 'completed', rows: 2, plugin: 'satisfaction-survey' } },
      { path: `${SURVEY}/exports/responses.xlsx?surveyId=${w.surveyId}`, action: 'satisfaction.responses-exported', details: { format: 'xlsx', status: 'completed', rows: 2, plugin: 'satisfaction-survey' } },
    ]
  }, 120_000)
  afterAll(async () => { await t?.close() })

  const auditCount = async () => Number((await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_audit_log'))?.n)

  it('refuses every export to agents, analysts and API keys with 403 AUTH_FORBIDDEN, recording nothing', async () => {
    const before = await auditCount()
    const keys = [await t.apiKey(['customers:read']), await t.apiKey(['customers:read', 'customers:write', 'events:read', 'events:write', 'imports:write'])]
    const callers: As[] = ['agent', 'analyst', ...keys.map((apiKey) => ({ apiKey }))]
    for (const { path } of exports) {
      for (const as of callers) {
        const res = await t.request('GET', path, { as })
        expect(res.status, `${JSON.stringify(as)} ${path}`).toBe(403)
        expect((await json(res)).error.code).toBe('AUTH_FORBIDDEN')
      }
    }
    expect(await auditCount()).toBe(before)
  })

  it('lets owners and admins export, each export audit-logged with who, what and how many rows', async () => {
    for (const role of ['admin', 'owner'] as const) {
      const userId = (await json(await t.request('GET', '/api/v1/auth/me', { as: role }))).user.id
      for (const { path, action, details } of exports) {
        const res = await t.request('GET', path, { as: role })
        expect(res.status, `${role} ${path}`).toBe(200)
        await res.arrayBuffer()
        const [latest] = (await json(await t.request('GET', `/api/v1/audit?action=${action}&limit=1`))).items
        expect(latest, `${role} ${path}`).toMatchObject({ actor: { type: 'user', id: userId, name: role }, details })
      }
    }
  })
})

/**
 * Authorization matrix: every route the running server reports (core and every installed plugin)
 * × every kind of caller, against the policy this file declares for it. The route list comes from
 * the server, so a route without a row here, or a row whose policy differs from what the route
 * declares, fails the test: a change of who may call what is a reviewed change of this table.
 *
 * Callers: anonymous, owner, admin, agent, analyst, an API key holding one scope (each scope),
 * an API key holding every scope but one (each scope), and customer links (survey invitation and
 * complaint link, of the right customer and of another one). A caller the policy refuses must get
 * 401 AUTH_REQUIRED (nobody identified) or 403 AUTH_FORBIDDEN, except a customer link on a route
 * that takes links of another plugin, which gets 403 LINK_WRONG_PURPOSE; a caller it admits must
 * never get those. Routes that take a customer link are then checked with real ids: the right customer is
 * served, another customer's link is refused by the handler.
 */
import { API_SCOPES, ROLES, allows, type Access, type ApiScope, type Caller } from '@rapport/core'
import type { As, TestApp } from '@rapport/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMPLAINTS, POINTS, SURVEY, buildWorld, createFullApp, json, type World } from '../support/full-app.js'

const ALL = ['owner', 'admin', 'agent', 'analyst'] as const
const anonymous: Access = 'anonymous'
const signedIn: Access = { roles: ALL }
const staffRead = (scope: ApiScope): Access => ({ roles: ALL, scope })
const staffWrite = (scope?: ApiScope): Access => ({ roles: ['owner', 'admin', 'agent'], ...(scope ? { scope } : {}) })
const admins: Access = { roles: ['owner', 'admin'] }
const owners: Access = { roles: ['owner'] }
const importers: Access = { roles: ['owner', 'admin'], scope: 'imports:write' }
/** Orders, refunds and customer updates earn points and tiers: not agents or analysts. */
const eventWriters: Access = { roles: ['owner', 'admin'], scope: 'events:write' }
/** Every export of personal data (a segment, one customer, survey responses): one policy, no API key. */
const personalDataExporters: Access = { roles: ['owner', 'admin'] }
const customer = (purpose: string): Access => ({ customerLink: purpose })
const withLink = (access: Access, purpose: string): Access => ({ ...(access as object), customerLink: purpose })

/** Who may call each route. A new route needs a row; a changed policy needs its row changed. */
const matrix: Record<string, Access> = {
  'GET /api/health': anonymous,
  'POST /api/v1/auth/login': anonymous,
  'POST /api/v1/auth/logout': signedIn,
  'GET /api/v1/auth/me': signedIn,
  'GET /api/v1/users': admins,
  'POST /api/v1/users': admins,
  'PATCH /api/v1/users/{id}': admins,
  'GET /api/v1/staff': signedIn,
  'GET /api/v1/api-keys': admins,
  'GET /api/v1/api-keys/scopes': admins,
  'POST /api/v1/api-keys': admins,
  'DELETE /api/v1/api-keys/{id}': admins,
  'POST /api/v1/customers': staffWrite('customers:write'),
  'PUT /api/v1/customers/by-external-id/{externalId}': staffWrite('customers:write'),
  'GET /api/v1/customers': staffRead('customers:read'),
  'GET /api/v1/customers/names': staffRead('customers:read'),
  'GET /api/v1/customers/{id}': staffRead('customers:read'),
  'PATCH /api/v1/customers/{id}': staffWrite('customers:write'),
  'POST /api/v1/customers/{id}/erase': owners,
  'GET /api/v1/customers/{id}/export': personalDataExporters,
  'GET /api/v1/customers/{id}/events': staffRead('events:read'),
  'GET /api/v1/customers/{id}/explain': staffRead('customers:read'),
  'GET /api/v1/customers/{id}/timeline': staffRead('events:read'),
  'POST /api/v1/customers/{id}/links': staffWrite('customers:write'),
  'POST /api/v1/events': eventWriters,
  'GET /api/v1/events': staffRead('events:read'),
  'POST /api/v1/imports/customers': importers,
  'POST /api/v1/imports/orders': importers,
  'GET /api/v1/deliveries': admins,
  'POST /api/v1/deliveries/{id}/retry': admins,
  'GET /api/v1/messages': staffWrite(),
  'GET /api/v1/messages/{id}': staffWrite(),
  'GET /api/v1/messaging/settings': admins,
  'PUT /api/v1/messaging/settings': admins,
  'POST /api/v1/messaging/test': admins,
  'GET /api/v1/messaging/templates': staffWrite(),
  'POST /api/v1/messaging/templates/{id}/preview': staffWrite(),
  'GET /api/v1/messaging/unsubscribe/{token}': anonymous,
  'POST /api/v1/messaging/unsubscribe/{token}': anonymous,
  'GET /api/v1/customers/{id}/consents': staffWrite(),
  'PUT /api/v1/customers/{id}/consents/{channel}': staffWrite(),
  'GET /api/v1/customers/{id}/message-addresses': staffWrite(),
  'PUT /api/v1/customers/{id}/message-addresses': staffWrite('customers:write'),
  'GET /api/v1/users/{id}/notifications': admins,
  'PUT /api/v1/users/{id}/notifications': admins,
  'GET /api/v1/webhooks': admins,
  'POST /api/v1/webhooks': admins,
  'DELETE /api/v1/webhooks/{id}': admins,
  'POST /api/v1/webhooks/{id}/test': admins,
  'POST /api/v1/messaging/bulk-sends': admins,
  'GET /api/v1/messaging/bulk-sends': admins,
  'GET /api/v1/messaging/bulk-sends/{id}': admins,
  'GET /api/v1/webhooks/{id}/deliveries': admins,
  'GET /api/v1/messaging/templates/{id}': staffWrite(),
  'PUT /api/v1/messaging/templates/{id}': admins,
  'DELETE /api/v1/messaging/templates/{id}': admins,
  'POST /api/v1/messaging/templates/{id}/draft-preview': staffWrite(),
  'GET /api/v1/jobs': admins,
  'GET /api/v1/jobs/{job}/runs': admins,
  'POST /api/v1/jobs/{job}/run': admins,
  'GET /api/v1/dashboard': staffRead('customers:read'),
  'GET /api/v1/dashboard/layout': signedIn,
  'PUT /api/v1/dashboard/layout': signedIn,
  'GET /api/v1/audit': admins,
  'GET /api/v1/segments': staffRead('customers:read'),
  'POST /api/v1/segments': staffWrite('customers:write'),
  'POST /api/v1/segments/preview': staffRead('customers:read'),
  'GET /api/v1/segments/{id}': staffRead('customers:read'),
  'PUT /api/v1/segments/{id}': staffWrite('customers:write'),
  'DELETE /api/v1/segments/{id}': staffWrite('customers:write'),
  'GET /api/v1/segments/{id}/count': staffRead('customers:read'),
  'GET /api/v1/segments/{id}/customers': staffRead('customers:read'),
  'GET /api/v1/segments/{id}/export.csv': personalDataExporters,
  'GET /api/v1/plugins': signedIn,
  'GET /api/v1/plugins/{name}': signedIn,
  'POST /api/v1/plugins/{name}/enable': admins,
  'POST /api/v1/plugins/{name}/disable': admins,
  'PUT /api/v1/plugins/{name}/config': admins,
  'POST /api/v1/plugins/{name}/preview': admins,
  'POST /api/v1/plugins/{name}/rebuild': admins,
  'GET /api/openapi.json': anonymous,
  'GET /api/p/tiering/distribution': staffRead('customers:read'),
  'GET /api/p/tiering/customers/{customerId}': staffRead('customers:read'),
  'GET /api/p/tiering/customers/{customerId}/explain': staffRead('customers:read'),
  'GET /api/p/tiering/funnel': staffRead('customers:read'),
  'POST /api/p/tiering/reevaluate': admins,
  'GET /api/p/tiering/analytics/over-time': staffRead('customers:read'),
  'GET /api/p/tiering/analytics/migration': staffRead('customers:read'),
  'GET /api/p/tiering/analytics/rfm-grid': staffRead('customers:read'),
  'GET /api/p/tiering/analytics/segments': staffRead('customers:read'),
  'POST /api/p/tiering/config/preview': admins,
  'POST /api/p/points-membership/members': staffWrite('customers:write'),
  'GET /api/p/points-membership/members/{customerId}': staffRead('customers:read'),
  'PATCH /api/p/points-membership/members/{customerId}': admins,
  'POST /api/p/points-membership/members/{customerId}/spends': staffWrite('customers:write'),
  'POST /api/p/points-membership/members/{customerId}/adjustments': admins,
  'POST /api/p/points-membership/preview': staffRead('customers:read'),
  'GET /api/p/points-membership/verify': admins,
  'GET /api/p/points-membership/rewards': staffRead('customers:read'),
  'POST /api/p/points-membership/rewards': admins,
  'PATCH /api/p/points-membership/rewards/{rewardId}': admins,
  'POST /api/p/points-membership/members/{customerId}/redemptions': staffWrite('customers:write'),
  'POST /api/p/points-membership/voucher-uses': staffWrite('customers:write'),
  'POST /api/p/points-membership/voucher-voids': staffWrite('customers:write'),
  'GET /api/p/points-membership/reports/liability': staffRead('customers:read'),
  'GET /api/p/points-membership/reports/earn-burn': staffRead('customers:read'),
  'GET /api/p/points-membership/members/{customerId}/statement': staffRead('customers:read'),
  'GET /api/p/points-membership/members': staffRead('customers:read'),
  'GET /api/p/points-membership/vouchers': staffRead('customers:read'),
  'GET /api/p/points-membership/vouchers/{code}': staffRead('vouchers:use'),
  'POST /api/p/points-membership/vouchers/{code}/uses': staffWrite('vouchers:use'),
  'POST /api/p/points-membership/vouchers/{code}/use-undos': staffWrite('vouchers:use'),
  'POST /api/p/points-membership/members/{customerId}/links': staffWrite('customers:write'),
  'POST /api/p/points-membership/members/{customerId}/link-messages': staffWrite('customers:write'),
  'GET /api/p/points-membership/me': customer('points-membership'),
  'POST /api/p/points-membership/referrals': staffWrite('customers:write'),
  'GET /api/p/points-membership/members/{customerId}/referral': staffRead('customers:read'),
  'GET /api/p/points-membership/campaigns': staffRead('customers:read'),
  'POST /api/p/points-membership/campaigns': admins,
  'PUT /api/p/points-membership/campaigns/{campaignId}': admins,
  'POST /api/p/points-membership/campaigns/impact': admins,
  'POST /api/p/points-membership/me/redemptions': customer('points-membership'),
  'GET /api/p/complaint-tracking/form': anonymous,
  'POST /api/p/satisfaction-survey/surveys': admins,
  'GET /api/p/satisfaction-survey/surveys': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/surveys/{id}': staffRead('customers:read'),
  'PUT /api/p/satisfaction-survey/surveys/{id}': admins,
  'DELETE /api/p/satisfaction-survey/surveys/{id}': admins,
  'POST /api/p/satisfaction-survey/surveys/{id}/archive': admins,
  'POST /api/p/satisfaction-survey/surveys/{id}/versions': admins,
  'GET /api/p/satisfaction-survey/surveys/{id}/versions': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/surveys/{id}/versions/{version}': staffRead('customers:read'),
  'PUT /api/p/satisfaction-survey/surveys/{id}/versions/{version}': admins,
  'POST /api/p/satisfaction-survey/surveys/{id}/invitations': staffWrite('customers:write'),
  'GET /api/p/satisfaction-survey/invitations': staffRead('customers:read'),
  'POST /api/p/satisfaction-survey/invitations/{id}/prefills': staffWrite('customers:write'),
  'GET /api/p/satisfaction-survey/surveys/{id}/embed-code': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/surveys/{id}/reminder': staffRead('customers:read'),
  'PUT /api/p/satisfaction-survey/surveys/{id}/reminder': admins,
  'GET /api/p/satisfaction-survey/surveys/{id}/limits': staffRead('customers:read'),
  'PUT /api/p/satisfaction-survey/surveys/{id}/limits': admins,
  'GET /api/p/satisfaction-survey/responses': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/responses/{id}': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/templates': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/respond': customer('satisfaction-survey'),
  'POST /api/p/satisfaction-survey/respond/{surveyId}/partial': customer('satisfaction-survey'),
  'POST /api/p/satisfaction-survey/respond/{surveyId}/complete': customer('satisfaction-survey'),
  'GET /api/p/satisfaction-survey/public/{token}': anonymous,
  'POST /api/p/satisfaction-survey/public/{token}/challenges': anonymous,
  'POST /api/p/satisfaction-survey/public/{token}/responses': anonymous,
  'GET /api/p/satisfaction-survey/analytics/nps': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/nps/segments': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/scores': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/questions': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/texts': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/texts/summary': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/invitations': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/drop-off': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/breakdown': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/analytics/compare': staffRead('customers:read'),
  'GET /api/p/satisfaction-survey/exports/responses.csv': personalDataExporters,
  'GET /api/p/satisfaction-survey/exports/responses.xlsx': personalDataExporters,
  'POST /api/p/satisfaction-survey/imports/responses': importers,
  'POST /api/p/complaint-tracking/cases': staffWrite('customers:write'),
  'GET /api/p/complaint-tracking/me/cases': customer('complaint-tracking'),
  'POST /api/p/complaint-tracking/me/cases': customer('complaint-tracking'),
  'POST /api/p/complaint-tracking/me/cases/{id}/messages': customer('complaint-tracking'),
  'GET /api/p/complaint-tracking/cases': staffRead('customers:read'),
  'GET /api/p/complaint-tracking/cases/{id}': withLink(staffRead('customers:read'), 'complaint-tracking'),
  'PATCH /api/p/complaint-tracking/cases/{id}': staffWrite('customers:write'),
  'POST /api/p/complaint-tracking/cases/{id}/transitions': staffWrite('customers:write'),
  'POST /api/p/complaint-tracking/cases/{id}/messages': staffWrite('customers:write'),
  'POST /api/p/complaint-tracking/cases/{id}/assignment': staffWrite('customers:write'),
  'POST /api/p/complaint-tracking/cases/{id}/attachments': withLink(staffWrite('customers:write'), 'complaint-tracking'),
  'GET /api/p/complaint-tracking/cases/{id}/attachments/{attachmentId}': withLink(staffRead('customers:read'), 'complaint-tracking'),
  'POST /api/p/complaint-tracking/form': anonymous,
  'POST /api/p/complaint-tracking/tracking': anonymous,
  'POST /api/p/complaint-tracking/tracking/messages': anonymous,
  'GET /api/p/complaint-tracking/follow-ups': staffRead('customers:read'),
  'POST /api/p/complaint-tracking/follow-ups/{id}/outcome': staffWrite('customers:write'),
  'GET /api/p/complaint-tracking/follow-ups/{id}': staffRead('customers:read'),
  'POST /api/p/complaint-tracking/follow-ups': staffWrite('customers:write'),
  'PATCH /api/p/complaint-tracking/follow-ups/{id}': staffWrite('customers:write'),
  'POST /api/p/complaint-tracking/follow-ups/{id}/attempts': staffWrite('customers:write'),
  'POST /api/p/complaint-tracking/cases/{id}/merge': staffWrite('customers:write'),
  'POST /api/p/complaint-tracking/cases/bulk': staffWrite('customers:write'),
  'GET /api/p/complaint-tracking/canned-replies': staffRead('customers:read'),
  'POST /api/p/complaint-tracking/canned-replies': staffWrite('customers:write'),
  'PUT /api/p/complaint-tracking/canned-replies/{id}': staffWrite('customers:write'),
  'DELETE /api/p/complaint-tracking/canned-replies/{id}': staffWrite('customers:write'),
  'GET /api/p/complaint-tracking/views': staffRead('customers:read'),
  'POST /api/p/complaint-tracking/views': staffRead('customers:read'),
  'DELETE /api/p/complaint-tracking/views/{id}': staffRead('customers:read'),
  'GET /api/p/complaint-tracking/analytics': staffRead('customers:read'),
  'GET /api/p/complaint-tracking/analytics/sla': staffRead('customers:read'),
  'GET /api/p/complaint-tracking/analytics/texts': staffRead('customers:read'),
  'POST /api/p/complaint-tracking/holiday-previews': admins,
  'POST /api/p/complaint-tracking/imports/cases': importers,
  'GET /api/p/churn-risk/customers': staffRead('customers:read'),
  'GET /api/p/churn-risk/customers/{customerId}': staffRead('customers:read'),
  'POST /api/p/churn-risk/customers/{customerId}/win-back': staffWrite('customers:write'),
}

type Probe = { label: string; as: As; caller: Caller }

/** The policy in a comparable form (role order does not matter). */
const normal = (a: Access) => (a === 'anonymous' ? 'anonymous' : JSON.stringify({ roles: [...(a.roles ?? [])].sort(), scope: a.scope ?? null, link: a.customerLink ?? null }))

describe('authorization matrix over every route of the server with all installed plugins', () => {
  let t: TestApp
  let w: World
  const probes: Probe[] = []
  const unlisted: string[] = []
  beforeAll(async () => {
    t = await createFullApp('sqlite')
    // Rows first: without one the other tests would have no policy to compare with.
    for (const r of t.routes) if (!matrix[`${r.method} ${r.path}`]) unlisted.push(`${r.method} ${r.path}`)
    w = await buildWorld(t)
    probes.push({ label: 'anonymous', as: 'anonymous', caller: { kind: 'anonymous' } })
    for (const role of ROLES) probes.push({ label: role, as: role, caller: { kind: 'user', role, userId: '', sessionId: '' } })
    for (const scope of API_SCOPES) {
      probes.push({ label: `key ${scope}`, as: { apiKey: await t.apiKey([scope]) }, caller: { kind: 'apiKey', keyId: '', scopes: [scope] } })
      const others = API_SCOPES.filter((s) => s !== scope)
      probes.push({ label: `key without ${scope}`, as: { apiKey: await t.apiKey(others) }, caller: { kind: 'apiKey', keyId: '', scopes: others } })
    }
    const link = (label: string, token: string, customerId: string, purpose: string) => probes.push({ label, as: { link: token }, caller: { kind: 'customer', customerId, purpose, linkId: '' } })
    link('survey link of customer A', w.surveyLinkA, w.customerA, 'satisfaction-survey')
    link('survey link of customer B', w.surveyLinkB, w.customerB, 'satisfaction-survey')
    link('complaint link of customer A', w.complaintLinkA, w.customerA, 'complaint-tracking')
    link('complaint link of customer B', w.complaintLinkB, w.customerB, 'complaint-tracking')
    link('member link of customer A', w.pointsLinkA, w.customerA, 'points-membership')
    link('member link of customer B', w.pointsLinkB, w.customerB, 'points-membership')
  }, 120_000)
  afterAll(async () => { await t?.close() })

  it('has a row for every route the server reports, with the policy the route declares', () => {
    const served = new Map(t.routes.map((r) => [`${r.method} ${r.path}`, r.access]))
    expect([...served].filter(([k]) => !(k in matrix)).map(([k, access]) => `${k} (declares ${normal(access)})`), 'routes without a matrix row').toEqual([])
    expect(Object.keys(matrix).filter((k) => !served.has(k)), 'rows for routes the server does not serve').toEqual([])
    const differing = [...served].filter(([k, access]) => normal(access) !== normal(matrix[k]!)).map(([k, access]) => `${k}: declares ${normal(access)}, matrix says ${normal(matrix[k]!)}`)
    expect(differing).toEqual([])
  })

  it('lists in the OpenAPI document every route that takes a caller', async () => {
    const doc = await json(await t.request('GET', '/api/openapi.json', { as: 'anonymous' }))
    const documented = new Set(Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)))
    expect(Object.keys(matrix).filter((k) => k !== 'GET /api/openapi.json' && !documented.has(k))).toEqual([])
  })

  it('refuses exactly the callers each row refuses, with 401 or 403 in the coded shape', async () => {
    const mismatches: string[] = []
    let cells = 0
    for (const route of t.routes.filter((r) => !unlisted.includes(`${r.method} ${r.path}`))) {
      // Sign-out ends the probe's own session: checked below with sessions of its own.
      if (route.path === '/api/v1/auth/logout') continue
      const path = route.path.replace(/\{[^}]+\}/g, 'probe')
      const access = matrix[`${route.method} ${route.path}`]!
      for (const probe of probes) {
        cells++
        const res = await t.request(route.method, path, { as: probe.as, ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { body: {} } : {}) })
        const body = res.status === 401 || res.status === 403 ? await json(res) : undefined
        const refused = body !== undefined && /^(AUTH_(REQUIRED|FORBIDDEN)|LINK_WRONG_PURPOSE)$/.test(body.error?.code)
        const expected = !allows(access, probe.caller)
        if (expected !== refused) mismatches.push(`${probe.label} ${route.method} ${route.path} → ${res.status} ${body?.error?.code ?? ''}`)
        // A customer link on a route that takes links of another plugin says so (the customer page shows "not for this page").
        const wrongPurpose = probe.caller.kind === 'customer' && access !== 'anonymous' && access.customerLink !== undefined && access.customerLink !== probe.caller.purpose
        if (refused && (body.error.code === 'LINK_WRONG_PURPOSE') !== wrongPurpose) mismatches.push(`${probe.label} ${route.method} ${route.path} → ${body.error.code}, expected ${wrongPurpose ? 'LINK_WRONG_PURPOSE' : 'AUTH_*'}`)
        if (refused) {
          expect(res.status, `${probe.label} ${route.path}`).toBe(probe.caller.kind === 'anonymous' ? 401 : 403)
          expect(typeof body.error.requestId).toBe('string')
        }
        if (res.status >= 500) mismatches.push(`${probe.label} ${route.method} ${route.path} → ${res.status} ${await res.text()}`)
      }
    }
    expect(mismatches).toEqual([])
    console.info(`authorization matrix: ${cells} cells over ${t.routes.length} routes and ${probes.length} callers`)
  }, 120_000)

  it('applies the sign-out policy with sessions of its own', async () => {
    expect((await t.request('POST', '/api/v1/auth/logout', { as: 'anonymous' })).status).toBe(401)
    expect((await t.request('POST', '/api/v1/auth/logout', { as: { apiKey: await t.apiKey([...API_SCOPES]) } })).status).toBe(403)
    expect((await t.request('POST', '/api/v1/auth/logout', { as: { link: w.complaintLinkA } })).status).toBe(403)
    expect((await t.request('POST', '/api/v1/auth/logout', { as: 'analyst' })).status).toBe(204)
    expect((await t.request('GET', '/api/v1/auth/me', { as: { cookie: await t.cookieFor('analyst') } })).status).toBe(401)
  })

  /** Each route a customer link may call, with real ids: what customer A's link gets, and what B's link gets. */
  const linkCases: Record<string, (w: World) => { path: string; body?: unknown; right: string; wrong: string; rightStatus: number; wrongStatus: number[] }> = {
    'GET /api/p/satisfaction-survey/respond': (w) => ({ path: `${SURVEY}/respond`, right: w.surveyLinkA, wrong: w.complaintLinkA, rightStatus: 200, wrongStatus: [403] }),
    'POST /api/p/satisfaction-survey/respond/{surveyId}/partial': (w) => ({ path: `${SURVEY}/respond/${w.surveyId}/partial`, body: { answers: { why: 'only A wrote this' } }, right: w.surveyLinkA, wrong: w.complaintLinkA, rightStatus: 200, wrongStatus: [403] }),
    'POST /api/p/satisfaction-survey/respond/{surveyId}/complete': (w) => ({ path: `${SURVEY}/respond/${w.surveyId}/complete`, body: { answers: { nps: 9 } }, right: w.surveyLinkA, wrong: w.complaintLinkA, rightStatus: 201, wrongStatus: [403] }),
    'POST /api/p/points-membership/me/redemptions': (w) => ({ path: `${POINTS}/me/redemptions`, body: { rewardId: w.rewardId, idempotencyKey: 'matrix-self-1' }, right: w.pointsLinkA, wrong: w.complaintLinkA, rightStatus: 201, wrongStatus: [403] }),
    'GET /api/p/points-membership/me': (w) => ({ path: `${POINTS}/me`, right: w.pointsLinkA, wrong: w.complaintLinkA, rightStatus: 200, wrongStatus: [403] }),
    'GET /api/p/complaint-tracking/me/cases': (w) => ({ path: `${COMPLAINTS}/me/cases`, right: w.complaintLinkA, wrong: w.surveyLinkA, rightStatus: 200, wrongStatus: [403] }),
    'POST /api/p/complaint-tracking/me/cases': (w) => ({ path: `${COMPLAINTS}/me/cases`, body: { category: 'other', description: 'Late again' }, right: w.complaintLinkA, wrong: w.surveyLinkA, rightStatus: 201, wrongStatus: [403] }),
    'GET /api/p/complaint-tracking/cases/{id}': (w) => ({ path: `${COMPLAINTS}/cases/${w.caseA}`, right: w.complaintLinkA, wrong: w.complaintLinkB, rightStatus: 200, wrongStatus: [403, 404] }),
    'POST /api/p/complaint-tracking/me/cases/{id}/messages': (w) => ({ path: `${COMPLAINTS}/me/cases/${w.caseA}/messages`, body: { body: 'Any news?' }, right: w.complaintLinkA, wrong: w.complaintLinkB, rightStatus: 201, wrongStatus: [403, 404] }),
    'POST /api/p/complaint-tracking/cases/{id}/attachments': (w) => ({ path: `${COMPLAINTS}/cases/${w.caseA}/attachments`, body: { files: [{ fileName: 'more.txt', contentType: 'text/plain', dataBase64: Buffer.from('more').toString('base64') }] }, right: w.complaintLinkA, wrong: w.complaintLinkB, rightStatus: 201, wrongStatus: [403, 404] }),
    'GET /api/p/complaint-tracking/cases/{id}/attachments/{attachmentId}': (w) => ({ path: `${COMPLAINTS}/cases/${w.caseA}/attachments/${w.attachmentA}`, right: w.complaintLinkA, wrong: w.complaintLinkB, rightStatus: 200, wrongStatus: [403, 404] }),
  }

  it('serves a customer link its own customer only, on every route that takes links', async () => {
    const linkRoutes = t.routes.filter((r) => r.access !== 'anonymous' && r.access.customerLink).map((r) => `${r.method} ${r.path}`)
    expect(linkRoutes.filter((k) => !(k in linkCases)), 'link routes without a link case').toEqual([])
    const wrong: string[] = []
    for (const key of linkRoutes) {
      const c = linkCases[key]!(w)
      const method = key.split(' ')[0]!
      const other = await t.request(method, c.path, { as: { link: c.wrong }, ...(c.body ? { body: c.body } : {}) })
      if (!c.wrongStatus.includes(other.status)) wrong.push(`${key} with another customer's link → ${other.status} ${await other.text()}`)
      const own = await t.request(method, c.path, { as: { link: c.right }, ...(c.body ? { body: c.body } : {}) })
      if (own.status !== c.rightStatus) wrong.push(`${key} with the right link → ${own.status} ${await own.text()}`)
    }
    expect(wrong).toEqual([])
    // A survey link names its customer: B's link opens B's invitation, never A's answers, and
    // no link answers a survey it was not issued for.
    const formB = await json(await t.request('GET', `${SURVEY}/respond`, { as: { link: w.surveyLinkB } }))
    expect(formB.status).toBe('opened')
    expect(JSON.stringify(formB)).not.toContain('only A wrote this')
    const otherSurvey = await t.request('POST', `${SURVEY}/respond/${w.otherSurveyId}/partial`, { as: { link: w.surveyLinkB }, body: { answers: { why: 'x' } } })
    expect([403, 404]).toContain(otherSurvey.status)
    // A member link shows its own member: B's balance, not A's.
    const meA = await json(await t.request('GET', `${POINTS}/me`, { as: { link: w.pointsLinkA } }))
    const meB = await t.request('GET', `${POINTS}/me`, { as: { link: w.pointsLinkB } })
    expect(JSON.stringify(await meB.json())).not.toContain(meA.memberNumber ?? w.customerA)
  })
})

/**
 * Fuzzing every operation of the OpenAPI document the server publishes, with every installed
 * plugin, as the signed-in owner, as anonymous, and as an agent and an analyst (who are refused
 * orders and personal-data exports, and must leave nothing behind): generated path parameters (real ids of a small
 * world, schema-shaped strings and nasty ones), queries (schema-shaped, wrong, unknown), headers
 * (content types, languages, request ids, stray headers) and bodies (schema-shaped, broken in one
 * place, any JSON, malformed text).
 *
 * A fixture plugin that fails on every order, refund and customer update is installed too (its
 * failures are isolated: the events are kept and the real plugins apply them).
 *
 * Every answer: no 5xx, within the per-request timeout, every refusal a 4xx in the coded shape
 * `{ error: { code, message, requestId } }`, and no accepted write naming a customer (`customerId`)
 * or an assignee (`assigneeId`) who does not exist. The database is unchanged by every refused request:
 * a trigger-maintained counter of committed writes per table (see support/write-watch.ts) is read
 * before and after each request, and the full digest (row counts + a hash of all rows) is compared
 * at batch boundaries (500 requests on SQLite, 50 on PGlite) wherever the counter did not move,
 * which checks the counter against the rows themselves. Scheduled jobs run on real time alongside: a
 * sample during which a job ran (its run rows moved) is counted as inconclusive, not checked.
 *
 * Left out, because they act on the server itself rather than on data: sign-out (ends the owner's
 * session), and enabling or disabling a real plugin (mounts and unmounts routes): those get
 * made-up plugin names only. Erasing is fuzzed with made-up customer ids, so the world survives.
 *
 * Routes a customer link or an anonymous caller may call are checked apart: their published request
 * bodies are closed and name no staff-only field (priority, channel, customerId, status, points, …),
 * and each such field injected into a body is refused with 400 naming it, writing nothing.
 *
 * RAPPORT_SOAK=1 runs ten times more requests; RAPPORT_FUZZ_SEED replays a run; RAPPORT_FUZZ_RUNS sets the count.
 */
import fc from 'fast-check'
import type { Access } from '@rapport/core'
import type { TestApp, TestDialect } from '@rapport/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fragilePlugin } from '../support/flaky-plugin.js'
import { buildWorld, createFullApp, json, type World } from '../support/full-app.js'
import { anyJson, nastyString, propertyNames, valid, validOrInvalid, type Components, type Schema } from '../support/openapi-arbitraries.js'
import { changedTables, digest, watchWrites } from '../support/write-watch.js'

const SOAK = process.env.RAPPORT_SOAK === '1'
const RUNS: Record<TestDialect, number> = process.env.RAPPORT_FUZZ_RUNS
  ? { sqlite: Number(process.env.RAPPORT_FUZZ_RUNS), pglite: Number(process.env.RAPPORT_FUZZ_RUNS) }
  : { sqlite: SOAK ? 200_000 : 20_000, pglite: SOAK ? 20_000 : 1_500 }
const BATCH: Record<TestDialect, number> = { sqlite: 500, pglite: 50 }
const TIMEOUT_MS = 10_000
const seed = process.env.RAPPORT_FUZZ_SEED ? Number(process.env.RAPPORT_FUZZ_SEED) : undefined

type Operation = { method: string; path: string; access: Access; params: Array<{ name: string; in: string; schema: Schema; required?: boolean }>; body?: { type: string; schema: Schema } }
type FuzzCaller = 'owner' | 'anonymous' | 'agent' | 'analyst'
type FuzzRequest = { method: string; url: string; headers: Record<string, string>; body?: string; as: FuzzCaller; op: string }

/** Routes whose real targets act on the server itself: fuzzed with made-up path values only. */
const SANDBOXED = new Set(['POST /api/v1/plugins/{name}/enable', 'POST /api/v1/plugins/{name}/disable', 'POST /api/v1/customers/{id}/erase'])
const SKIPPED = new Set(['POST /api/v1/auth/logout'])

function operations(doc: any): Operation[] {
  const ops: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (SKIPPED.has(`${method.toUpperCase()} ${path}`)) continue
      const content = Object.entries((op.requestBody?.content ?? {}) as Record<string, { schema: Schema }>)[0]
      ops.push({
        method: method.toUpperCase(), path, access: op['x-rapport-access'], params: (op.parameters ?? []).map((p: any) => (p.$ref ? doc.components.parameters[p.$ref.split('/').pop()] : p)),
        ...(content ? { body: { type: content[0], schema: content[1].schema ?? {} } } : {}),
      })
    }
  }
  return ops
}

/** Real values for path parameters, by route prefix and name, so requests reach stored rows. */
function knownValues(w: World, path: string, name: string): string[] {
  if (name === 'customerId') return [w.customerA, w.customerB]
  if (name === 'surveyId') return [w.surveyId, w.otherSurveyId]
  if (name === 'rewardId') return [w.rewardId]
  if (name === 'attachmentId') return [w.attachmentA]
  if (name === 'version') return ['1', '2', '0']
  if (name === 'token') return [w.publicToken]
  if (name === 'name') return ['tiering', 'points-membership', 'complaint-tracking', 'satisfaction-survey']
  if (name === 'job') return ['satisfaction-survey:invitations', 'points-membership:expire']
  if (name === 'externalId') return ['world-a', 'world-new']
  if (name === 'id') {
    if (path.startsWith('/api/v1/customers')) return [w.customerA, w.customerB]
    if (path.includes('/satisfaction-survey/surveys')) return [w.surveyId, w.otherSurveyId]
    if (/\/complaint-tracking\/(me\/)?cases/.test(path)) return [w.caseA]
  }
  return []
}

const headerValue = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.;=, /*"'.split('')), maxLength: 30 })
const contentTypes = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; boundary=x']
const rawBodies = fc.oneof(
  fc.constantFrom('', '{', '{"a":', 'null', 'true', '[]', '[1,2', '{"__proto__":{"polluted":1}}', '{"a":1,"a":2}', '\u0000', '\uFEFF{}', 'a,b\n1,2', 'orderId,customerExternalId,amountMinor,currency,occurredAt\no1,c1,100,CNY,2026-01-01T00:00:00Z', 'externalId,name\n"unterminated,x'),
  fc.string({ maxLength: 200 }),
)

function requestArbitrary(op: Operation, w: World, components: Components): fc.Arbitrary<FuzzRequest> {
  const key = `${op.method} ${op.path}`
  const pathParams = op.params.filter((p) => p.in === 'path')
  const queryParams = op.params.filter((p) => p.in === 'query')
  const pathValues = fc.record(Object.fromEntries(pathParams.map((p) => {
    const known = SANDBOXED.has(key) ? [] : knownValues(w, op.path, p.name)
    const options: fc.Arbitrary<string>[] = [fc.string({ minLength: 1, maxLength: 20 }), nastyString.filter((s) => s.length > 0), fc.constantFrom('probe', 'cus_0000', '..', '%2F', '1')]
    if (known.length) options.push(fc.constantFrom(...known), fc.constantFrom(...known))
    return [p.name, fc.oneof(...options)]
  })))
  const query = fc.record({
    known: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, validOrInvalid(p.schema ?? {}, components)])), { requiredKeys: [] }),
    unknown: fc.option(fc.dictionary(fc.constantFrom('zz', 'limit', 'cursor', 'from', 'to', '__proto__', 'a[b]'), fc.oneof(fc.string({ maxLength: 10 }), nastyString), { maxKeys: 2 }), { freq: 4 }),
  })
  const body: fc.Arbitrary<string | undefined> = op.body?.type === 'application/json'
    ? fc.oneof(
        { weight: 6, arbitrary: validOrInvalid(op.body.schema, components).map((v) => JSON.stringify(v) ?? 'null') }, { weight: 1, arbitrary: rawBodies }, { weight: 1, arbitrary: fc.constant(undefined) },
        ...(key === 'POST /api/v1/events' ? [{ weight: 6, arbitrary: businessEvents }] : []),
      )
    : op.body ? fc.oneof(rawBodies, fc.constant(undefined)) : fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? '') })
  const headers = fc.record({
    'content-type': fc.option(fc.constantFrom(...(op.body ? [op.body.type, op.body.type, ...contentTypes] : contentTypes)), { freq: 6 }),
    'accept-language': fc.option(fc.constantFrom('zh-CN', 'en', 'zh-CN,zh;q=0.9', '*', 'xx-YY', ''), { freq: 2 }),
    'x-request-id': fc.option(headerValue, { freq: 3 }),
    'x-forwarded-for': fc.option(fc.ipV4(), { freq: 3 }),
    origin: fc.option(fc.constantFrom('http://evil.example', 'null'), { freq: 10 }),
    accept: fc.option(fc.constantFrom('application/json', 'text/csv', '*/*', 'image/png'), { freq: 3 }),
  }, { requiredKeys: [] })
  const caller = fc.constantFrom<FuzzCaller>('owner', 'owner', 'owner', 'owner', 'anonymous', 'anonymous', 'agent', 'analyst')
  return fc.record({ pathValues, query, body, headers, as: caller }).map(({ pathValues, query, body, headers, as }) => {
    let path = op.path
    for (const [name, value] of Object.entries(pathValues)) path = path.replace(`{${name}}`, encodeURIComponent(wellFormed(value as string)))
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries({ ...query.known, ...(query.unknown ?? {}) })) {
      if (value === undefined) continue
      for (const v of Array.isArray(value) ? value : [value]) search.append(name, typeof v === 'string' ? v : JSON.stringify(v) ?? '')
    }
    const h = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string>
    if (body !== undefined && !h['content-type'] && op.body) h['content-type'] = op.body.type
    // fetch's Request refuses a body on GET and HEAD, so those never carry one.
    const sent = op.method === 'GET' || op.method === 'HEAD' ? undefined : body
    return { method: op.method, url: `${path}${search.size ? `?${search}` : ''}`, headers: h, ...(sent !== undefined ? { body: sent } : {}), as, op: key }
  })
}

/**
 * Batches of orders, refunds and customer updates the log takes (schema-shaped ones rarely pass
 * its checks), so that fuzzing reaches the plugins that score them: the real ones and `fragile`.
 */
const businessEvents: fc.Arbitrary<string> = fc.array(fc.oneof(
  fc.record({
    id: fc.uuid(), type: fc.constantFrom('order.completed', 'order.refunded'), customerExternalId: fc.constantFrom('world-a', 'world-b', 'fuzz-shopper'),
    orderId: fc.constantFrom('fz-1', 'fz-2', 'fz-3'), amountMinor: fc.integer({ min: 1, max: 10_000_000 }), currency: fc.constantFrom('CNY', 'USD'),
    occurredAt: fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  }),
  fc.record({ id: fc.uuid(), type: fc.constant('customer.updated'), customerExternalId: fc.constantFrom('world-a', 'fuzz-shopper'), occurredAt: fc.constant('2026-05-01T10:00:00+08:00'), changes: fc.record({ locale: fc.constantFrom('zh-CN', 'en') }) }),
), { minLength: 1, maxLength: 5 }).map((events) => JSON.stringify({ events }))

/**
 * Fields only staff set (who a record is for, how it came in, how urgent, who handles it, its
 * state, points and tiers, the scores and versions the server computes). A route a customer link
 * or an anonymous caller may call must not take any of them: the server sets them.
 */
const STAFF_ONLY_FIELDS = [
  'customerId', 'channel', 'priority', 'assigneeId', 'assignee', 'status', 'visibility', 'createdBy', 'actor', 'resolutionCode', 'goodwillPoints',
  'points', 'balance', 'costPoints', 'quantity', 'reason', 'tier', 'ladder', 'scores', 'version', 'invitationId', 'role', 'scopes', 'csat',
] as const

/** Who a customer-reachable operation is called as: anonymous, or a link of the purpose it takes. */
const customerCaller = (access: Access, w: World): 'anonymous' | { link: string } | undefined => {
  if (access === 'anonymous') return 'anonymous'
  const links: Record<string, string> = { 'satisfaction-survey': w.surveyLinkA, 'complaint-tracking': w.complaintLinkA, 'points-membership': w.pointsLinkA }
  return access.customerLink ? { link: links[access.customerLink]! } : undefined
}

/** A URL cannot carry a lone surrogate: it becomes U+FFFD, as a browser would send it. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

/**
 * The person an accepted write names who does not exist (issue 17, item 5): a body's `customerId`
 * that no customer has, or an `assigneeId` that is neither a user nor a team (`team:<name>`).
 */
function missingPerson(r: FuzzRequest, people: { customers: Set<string>; users: Set<string> }): string | undefined {
  if (r.method === 'GET' || r.body === undefined) return undefined
  let body: unknown
  try { body = JSON.parse(r.body) } catch { return undefined }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const { customerId, assigneeId } = body as Record<string, unknown>
  if (typeof customerId === 'string' && !people.customers.has(customerId)) return `customerId ${customerId}`
  if (typeof assigneeId === 'string' && !/^team:./.test(assigneeId) && !people.users.has(assigneeId)) return `assigneeId ${assigneeId}`
  return undefined
}

const withTimeout = <T>(p: Promise<T>, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms: ${what}`)), TIMEOUT_MS).unref())])

describe.each(['sqlite', 'pglite'] as const)('fuzzing every OpenAPI operation on %s', (dialect) => {
  let t: TestApp
  let w: World
  let ops: Operation[]
  let components: Components
  let writes: () => Promise<Record<string, number>>
  beforeAll(async () => {
    // A plugin failing on every order, refund and customer update, never quarantined here: it may cost no request a 5xx.
    t = await createFullApp(dialect, { also: [fragilePlugin], hostOptions: { failurePolicy: { limit: Number.MAX_SAFE_INTEGER, windowMinutes: 60 } } })
    w = await buildWorld(t)
    const doc = await json(await t.request('GET', '/api/openapi.json', { as: 'anonymous' }))
    ops = operations(doc)
    components = doc.components?.schemas ?? {}
    writes = await watchWrites(t.db)
    for (const role of ['owner', 'agent', 'analyst'] as const) await t.cookieFor(role)
  }, 120_000)
  afterAll(async () => { await t?.close() })

  it(`answers ${RUNS[dialect]} generated requests with no 5xx, no hang, coded refusals and no change from a refusal`, async () => {
    const stats = { inconclusive: 0, requests: 0, refused: 0, accepted: 0, byStatus: {} as Record<number, number>, ops: new Set<string>() }
    const started = Date.now()
    const opTime: Record<string, number> = {}
    let batchStart = { writes: await writes(), digest: await digest(t.db) }
    const people = { customers: new Set([w.customerA, w.customerB]), users: new Set<string>((await json(await t.request('GET', '/api/v1/users'))).items.map((u: { id: string }) => u.id)) }
    // Built once per operation: building arbitraries per run costs more than the requests.
    const arbitrary = fc.oneof(...ops.map((op) => requestArbitrary(op, w, components)))
    await fc.assert(fc.asyncProperty(arbitrary, async (r) => {
      const t0 = performance.now()
      const before = await writes()
      const res = await withTimeout(t.request(r.method, r.url, { as: r.as, headers: r.headers, ...(r.body !== undefined ? { rawBody: r.body } : {}) }), `${r.method} ${r.url}`)
      const text = await withTimeout(res.text(), `${r.method} ${r.url} body`)
      stats.requests++
      opTime[r.op] = (opTime[r.op] ?? 0) + performance.now() - t0
      stats.ops.add(r.op)
      stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1
      const where = `${r.as} ${r.method} ${r.url.slice(0, 600)} ${JSON.stringify(r.headers)} body=${r.body?.slice(0, 300)} → ${res.status} ${text.slice(0, 500)}`
      if (res.status >= 500) throw new Error(`server error: ${where}`)
      if (res.status < 400) {
        const missing = missingPerson(r, people)
        if (missing) throw new Error(`accepted a write naming ${missing}, who does not exist: ${where}`)
        stats.accepted++
        return
      }
      stats.refused++
      let body: any
      try { body = JSON.parse(text) } catch { throw new Error(`refusal is not JSON: ${where}`) }
      const e = body?.error
      if (!e || typeof e.code !== 'string' || !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(e.code) || typeof e.message !== 'string' || typeof e.requestId !== 'string') throw new Error(`refusal not in the coded shape: ${where}`)
      const changed = changedTables(before, await writes())
      // A scheduled job (real-time cron) that ran during the request makes this sample inconclusive.
      if (changed.some((table) => table.startsWith('core_job_'))) { stats.inconclusive++; return }
      if (changed.length) throw new Error(`refused request changed ${changed.join(', ')}: ${where}`)
    }).afterEach(async () => {
      // Batch boundary: where the write counter did not move, the full digest must not have either.
      if (stats.requests % BATCH[dialect] !== 0) return
      const now = { writes: await writes(), digest: await digest(t.db) }
      const moved = changedTables(batchStart.writes, now.writes)
      if (moved.length === 0) expect(changedTables(batchStart.digest, now.digest)).toEqual([])
      batchStart = now
    }), { numRuns: RUNS[dialect], endOnFailure: true, ...(seed !== undefined ? { seed } : {}) })
    const seconds = (Date.now() - started) / 1000
    if (process.env.RAPPORT_FUZZ_PROFILE) console.info(`in requests: ${Math.round(Object.values(opTime).reduce((a, b) => a + b, 0))} ms`, Object.entries(opTime).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${Math.round(v)} ms`).join('\n'))
    console.info(`fuzz ${dialect}: ${stats.requests} requests over ${stats.ops.size}/${ops.length} operations in ${seconds.toFixed(1)} s (${Math.round(stats.requests / seconds)}/s); accepted ${stats.accepted}, refused ${stats.refused} (${stats.inconclusive} with a job running alongside); statuses ${JSON.stringify(stats.byStatus)}`)
    expect(stats.requests).toBe(RUNS[dialect])
    expect(stats.ops.size).toBe(ops.length)
    // Accepted events reached the fragile plugin, whose failures cost no request a 5xx; no real plugin failed on any.
    const failed = await t.db.all<{ plugin: string; n: number }>('SELECT plugin, COUNT(*) AS n FROM core_plugin_failures GROUP BY plugin')
    console.info(`fuzz ${dialect}: plugin failures ${JSON.stringify(failed)}`)
    expect(failed.filter((f) => f.plugin !== 'fragile')).toEqual([])
    if (dialect === 'sqlite') expect(Number(failed.find((f) => f.plugin === 'fragile')?.n ?? 0)).toBeGreaterThan(0)
  }, SOAK ? 3_600_000 : 600_000)

  it('publishes closed request bodies without a staff-only field on every route a customer link or anonymous caller may call', () => {
    const reachable = ops.filter((op) => op.body && customerCaller(op.access, w))
    expect(reachable.map((op) => `${op.method} ${op.path}`)).toEqual(expect.arrayContaining(['POST /api/p/complaint-tracking/me/cases', 'POST /api/p/complaint-tracking/form', 'POST /api/p/points-membership/me/redemptions']))
    const offending = reachable.flatMap((op) => {
      const names = propertyNames(op.body!.schema, components)
      const root = op.body!.schema.$ref ? components[String(op.body!.schema.$ref).split('/').pop()!]! : op.body!.schema
      return [
        ...STAFF_ONLY_FIELDS.filter((f) => names.has(f)).map((f) => `${op.method} ${op.path} takes ${f}`),
        ...(root.type === 'object' && root.additionalProperties !== false ? [`${op.method} ${op.path} takes unknown keys`] : []),
      ]
    })
    expect(offending).toEqual([])
  })

  it('refuses a staff-only field injected into the body of every route a customer link or anonymous caller may call, naming it and changing nothing', async () => {
    const failures: string[] = []
    let checked = 0
    for (const op of ops.filter((o) => o.body?.type === 'application/json' && customerCaller(o.access, w))) {
      const as = customerCaller(op.access, w)!
      let path = op.path
      for (const p of op.params.filter((x) => x.in === 'path')) path = path.replace(`{${p.name}}`, encodeURIComponent(knownValues(w, op.path, p.name)[0] ?? 'probe'))
      const [base] = fc.sample(valid(op.body!.schema, components), { numRuns: 1, seed: 17 }) as [Record<string, unknown>]
      for (const field of STAFF_ONLY_FIELDS) {
        const before = await writes()
        const res = await t.request(op.method, path, { as, body: { ...(typeof base === 'object' && base ? base : {}), [field]: 'urgent' } })
        const body = await res.json().catch(() => undefined)
        const named = (body?.error?.details?.issues ?? []).some((i: { path: string }) => i.path === `body.${field}`)
        const changed = changedTables(before, await writes()).filter((table) => !table.startsWith('core_job_'))
        checked++
        if (res.status !== 400 || body?.error?.code !== 'REQUEST_INVALID' || !named || changed.length) failures.push(`${op.method} ${path} with ${field} → ${res.status} ${JSON.stringify(body?.error ?? body).slice(0, 200)}${changed.length ? ` changed ${changed.join(', ')}` : ''}`)
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBeGreaterThan(0)
  })

  it('refuses a NUL character in every path parameter and body with a 4xx (PostgreSQL cannot store it)', async () => {
    const failures: string[] = []
    for (const op of ops) {
      const path = op.path.replace(/\{[^}]+\}/g, 'x%00y')
      const res = await t.request(op.method, path, op.body?.type === 'application/json' && op.method !== 'GET' ? { body: { name: 'a\u0000b', customerId: 'c\u0000', description: '\u0000' } } : {})
      if (res.status >= 500) failures.push(`${op.method} ${path} → ${res.status} ${await res.text()}`)
    }
    expect(failures).toEqual([])
  })
})

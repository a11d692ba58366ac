/**
 * Signed-link response submissions over HTTP against a raw SQLite insert, in one process, on the
 * same kind of server (@hono/node-server on 127.0.0.1, port 0):
 * - baseline: `POST /raw/responses`, the body inserted with one prepared better-sqlite3 statement
 *   on a separate connection and file (same pragmas as @rapport/db's writer), no validation;
 * - submit: `POST /api/p/satisfaction-survey/respond/{surveyId}/complete` with a fresh customer
 *   link per request (the link checked, the invitation and version read, the answers run through
 *   the compiled validator, the response, the invitation's completion, the events and the profile
 *   update written in one transaction).
 * The survey host runs on SQLite through createTestHost. Each link takes one response, so the
 * invitations are created first (staff API) and the submit run is a fixed number of requests
 * (BENCH_SUBMISSIONS, default 8000); each baseline run lasts about as long. autocannon
 * (64 connections) runs on the server's thread, as in the core and points benches. Order:
 * warm-ups, baseline, submit, baseline; the two baselines are averaged.
 * Run: `pnpm --filter @rapport/plugin-satisfaction-survey bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { createTestHost } from '@rapport/plugin-sdk/testing'
import autocannon from 'autocannon'
import BetterSqlite3 from 'better-sqlite3'
import { Hono } from 'hono'
import satisfactionSurvey from '../server/index.js'
import { npsSurveyJson } from '../test/survey-client.js'

const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 8_000)
const warmups = 500
const connections = 64
const customers = 500
const base = '/api/p/satisfaction-survey'

const host = await createTestHost({ plugins: [satisfactionSurvey], dialect: 'sqlite' })
const survey = (await (await host.http.post(`${base}/surveys`, { name: 'Bench NPS', json: npsSurveyJson, scores: { nps: 'nps' } })).json()) as { id: string }
await host.http.post(`${base}/surveys/${survey.id}/versions`)
const customerIds: string[] = []
for (let i = 0; i < customers; i++) customerIds.push(await host.customer())

let started = performance.now()
const tokens: string[] = []
for (let i = 0; i < submissions + warmups; i += connections) {
  const batch = await Promise.all(Array.from({ length: Math.min(connections, submissions + warmups - i) }, async (_, k) => {
    const res = await host.http.post(`${base}/surveys/${survey.id}/invitations`, { customerId: customerIds[(i + k) % customers], ignoreQuietPeriod: true })
    if (res.status !== 201) throw new Error(`invitation: ${res.status} ${await res.text()}`)
    return ((await res.json()) as { token: string }).token
  }))
  tokens.push(...batch)
}
console.log(`${tokens.length.toLocaleString('en')} invitations created in ${((performance.now() - started) / 1000).toFixed(1)} s`)

// The baseline: same pragmas as @rapport/db's writer, a separate connection and file.
const rawDir = mkdtempSync(join(tmpdir(), 'rapport-survey-bench-'))
const raw = new BetterSqlite3(join(rawDir, 'raw.db'))
raw.pragma('journal_mode = WAL')
raw.pragma('synchronous = NORMAL')
raw.exec('CREATE TABLE raw_responses (seq INTEGER PRIMARY KEY, link TEXT NOT NULL, body TEXT NOT NULL)')
const insertRaw = raw.prepare('INSERT INTO raw_responses (link, body) VALUES (?, ?)')
const rawApp = new Hono()
rawApp.post('/raw/responses', async (c) => {
  insertRaw.run(c.req.header('x-rapport-link') ?? '', await c.req.text())
  return c.json({ ok: true }, 201)
})

async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  return { server, port: (server.address() as AddressInfo).port }
}
const rawServer = await listen(rawApp.fetch)
const surveyServer = await listen(host.fetch)

type Result = { requests: { total: number }; duration: number; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p99: number } }
const body = JSON.stringify({ answers: { nps: 9, channel: 'web' } })
let next = 0
const nextLink = (r: Record<string, unknown>) => ({ ...r, headers: { 'content-type': 'application/json', 'x-rapport-link': tokens[next++] ?? 'exhausted' } })

async function load(kind: 'raw' | 'submit', options: { amount?: number; duration?: number }): Promise<Result> {
  const [port, path] = kind === 'raw' ? [rawServer.port, '/raw/responses'] : [surveyServer.port, `${base}/respond/${survey.id}/complete`]
  return (await autocannon({
    url: `http://127.0.0.1:${port}`, connections, ...options,
    requests: [kind === 'raw'
      ? { method: 'POST', path, body, headers: { 'content-type': 'application/json', 'x-rapport-link': tokens[0]! } }
      : { method: 'POST', path, body, setupRequest: nextLink as never }],
  })) as unknown as Result
}

const rate = (r: Result) => r.requests.total / r.duration
const show = (label: string, r: Result) =>
  console.log(`${label.padEnd(18)} ${Math.round(rate(r)).toLocaleString('en').padStart(7)} req/s  ${r.requests.total.toLocaleString('en').padStart(7)} requests  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}`)

console.log(`${connections} connections, ${submissions.toLocaleString('en')} submissions, autocannon on the server's thread`)
await load('submit', { amount: warmups })
await load('raw', { duration: 2 })
started = performance.now()
const baseline1 = await load('raw', { duration: 5 })
const submit = await load('submit', { amount: submissions })
const baseline2 = await load('raw', { duration: Math.max(2, Math.round(submit.duration)) })
show('baseline insert', baseline1)
show('submit (link)', submit)
show('baseline insert', baseline2)

const baseline = (rate(baseline1) + rate(baseline2)) / 2
const ratio = rate(submit) / baseline
const stored = await host.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM satisfaction_responses WHERE status = 'completed'")
console.log(`ratio submit / baseline insert = ${ratio.toFixed(2)} (aim >= 0.5); completed responses stored: ${Number(stored?.n).toLocaleString('en')}`)

rawServer.server.close()
surveyServer.server.close()
raw.close()
rmSync(rawDir, { recursive: true, force: true })
await host.close()
if (submit.non2xx + submit.errors + submit.timeouts > 0) process.exitCode = 1

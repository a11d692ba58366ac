/**
 * Fixed per-request cost of the HTTP pipeline for a plugin route, against a raw SQLite insert, in
 * one process: `POST /api/p/noop-bench/pings` is a plugin route with a policy (API key scope) and
 * a validated JSON body whose handler does nothing; the baseline `POST /bench/raw` inserts the body
 * with a raw prepared better-sqlite3 statement behind a bare Hono app. Both served by
 * @hono/node-server on 127.0.0.1, autocannon (64 connections) on the server's thread, as in
 * ingest.bench.ts. Order: warm-up, baseline, plugin route, baseline; the baselines are averaged.
 * Run: `pnpm --filter @rapport/api exec tsx bench/plugin-route.bench.ts` (env BENCH_SECONDS, default 10).
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createTestApp } from '@rapport/core/testing'
import { definePlugin, defineRoute, jsonBody, jsonResponse, policies, z } from '@rapport/plugin-sdk'
import autocannon from 'autocannon'
import { Hono } from 'hono'
import { openRawInsert } from './raw-insert.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = 64

const noop = definePlugin({
  name: 'noop-bench', namespace: 'noopBench', version: '1.0.0', host: '^1',
  setup(ctx) {
    ctx.route(defineRoute(
      {
        method: 'post', path: '/pings', access: policies.staffWrite('events:write'),
        request: { body: jsonBody(z.object({ id: z.string().max(100), value: z.number().int() })) },
        responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), 'Nothing done') },
      },
      async (c) => { c.req.valid('json'); return c.json({ ok: true }, 200) },
    ))
  },
})

const t = await createTestApp('sqlite', { plugins: [noop] })
const apiKey = await t.apiKey(['events:write'])

// The baseline: a raw insert on a separate connection and file.
const raw = openRawInsert()
const rawApp = new Hono()
rawApp.post('/bench/raw', async (c) => {
  raw.insert(await c.req.text())
  return c.json({ ok: true })
})

async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  return { server, port: (server.address() as AddressInfo).port }
}
const rawServer = await listen(rawApp.fetch)
const appServer = await listen(t.app.fetch)

type Result = { requests: { total: number }; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p99: number } }
const body = JSON.stringify({ id: 'ping-1', value: 42 })
async function load(port: number, path: string, duration: number): Promise<Result> {
  return (await autocannon({
    url: `http://127.0.0.1:${port}`, connections, duration,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body }],
  })) as unknown as Result
}
const show = (label: string, r: Result) =>
  console.log(`${label.padEnd(10)} ${Math.round(r.requests.total / seconds).toLocaleString('en').padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}`)

console.log(`${connections} connections, ${seconds} s per run, autocannon on the server thread`)
await load(rawServer.port, '/bench/raw', 2)
await load(appServer.port, '/api/p/noop-bench/pings', 2)
const before = await load(rawServer.port, '/bench/raw', seconds); show('baseline', before)
const plugin = await load(appServer.port, '/api/p/noop-bench/pings', seconds); show('plugin', plugin)
const after = await load(rawServer.port, '/bench/raw', seconds); show('baseline', after)

const baseline = (before.requests.total + after.requests.total) / 2 / seconds
const rate = plugin.requests.total / seconds
const non2xx = before.non2xx + plugin.non2xx + after.non2xx
console.log(`ratio = no-op plugin route / raw insert = ${(rate / baseline).toFixed(2)}; non-2xx: ${non2xx}`)

rawServer.server.close()
appServer.server.close()
raw.close()
await t.close()
if (non2xx > 0) process.exitCode = 1

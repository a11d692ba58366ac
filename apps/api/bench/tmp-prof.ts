// TEMPORARY profiling harness (to be deleted): scored ingest only, autocannon in a worker.
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createTestApp } from '@rapport/core/testing'
import { orderStats } from '@rapport/plugin-sdk/examples/order-stats'
import autocannon from 'autocannon'
import { Hono } from 'hono'

const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const scoredMode = process.env.PLAIN ? false : true
const setupRequestPath = fileURLToPath(new URL('./ingest-request.cjs', import.meta.url))
const scored = await createTestApp('sqlite', scoredMode ? { plugins: [orderStats] } : {})
const key = await scored.apiKey(['events:write'])
const root = new Hono()
root.all('*', (c) => scored.app.fetch(c.req.raw))
const server = serve({ fetch: root.fetch, hostname: '127.0.0.1', port: 0 })
await new Promise<void>((resolve) => server.once('listening', () => resolve()))
const { port } = server.address() as AddressInfo
const r: any = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 64, duration: seconds, ...(process.env.W ? { workers: 1 } : {}),
  requests: [{ method: 'POST', path: '/api/v1/events', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, setupRequest: process.env.W ? setupRequestPath : (await import("node:module")).createRequire(import.meta.url)(setupRequestPath) }] })
console.log(Math.round(r.requests.total / seconds), 'req/s p99', r.latency.p99, 'non2xx', r.non2xx)
console.log("groups", (globalThis as any).__groups, "events", (globalThis as any).__events)
for (const [k, [n, ns]] of (globalThis as any).__sqlT ?? []) if (ns > 5e6) console.log(String(n).padStart(7), (ns / 1e6).toFixed(0).padStart(6), "ms", (ns / n / 1e3).toFixed(1).padStart(6), "us", k.slice(0, 90).replace(/\s+/g, " "))
server.close()
await scored.close()

/**
 * @module
 * The baseline server for product.bench.ts, in a process of its own as `rapport start` is: every
 * `POST /api/v1/events` body inserted with one prepared better-sqlite3 statement (raw-insert.ts),
 * no validation, on Hono and @hono/node-server like the product. Prints its URL on stdout.
 * Run: `tsx bench/product/raw-server.ts`.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { openRawInsert } from '../raw-insert.js'

const raw = openRawInsert()
const app = new Hono()
app.post('/api/v1/events', async (c) => {
  raw.insert(await c.req.text())
  return c.json({ ok: true })
})
app.get('/api/health', (c) => c.json({ ok: true }))
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 0) }, () => {
  process.stdout.write(`running at http://127.0.0.1:${(server.address() as AddressInfo).port}\n`)
})
process.once('SIGTERM', () => server.close(() => { raw.close(); process.exit(0) }))

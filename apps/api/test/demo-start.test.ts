/**
 * `rapport start` with demo data: the demo's staff and customers act through the server's own
 * routes while it seeds, and the server then serves the API and the pages as usual.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installedPlugins } from '../src/installed-plugins.js'
import { startServer, type RunningServer } from '../src/server.js'

describe('a server started with demo data', () => {
  let server: RunningServer
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-demo-start-'))
    server = await startServer({ databaseUrl: join(dir, 'rapport.db'), secret: 'demo-start-secret-0123456789', logLevel: 'silent', plugins: installedPlugins, demo: { customers: 25, months: 3 } })
  }, 300_000)
  afterAll(async () => { await server?.close() })

  it('seeds through its routes and then serves the API and its docs', async () => {
    expect(server.seeded).toBe(true)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/docs`)).status).toBeLessThan(400)
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'admin@example.com', password: 'rapport-demo' }) })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const surveys = (await (await fetch(`${server.url}/api/p/satisfaction-survey/surveys`, { headers: { cookie } })).json()) as { items: unknown[] }
    expect(surveys.items.length).toBe(4)
  })
})

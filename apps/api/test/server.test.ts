import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.js'

describe('the server process pieces', () => {
  let server: RunningServer
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-server-'))
    server = await startServer({ databaseUrl: join(dir, 'rapport.db'), secret: 'server-test-secret-0123456789', logLevel: 'silent', adminDir: join(dir, 'no-admin-build') })
  }, 60_000)
  afterAll(async () => { await server.close() })

  it('serves the API reference page and its assets locally', async () => {
    const page = await fetch(`${server.url}/api/docs`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('/api/docs/assets/swagger-ui-bundle.js')
    // Only the server's own scripts may run on the page, never inline or injected ones.
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/)
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'")
    const bundle = await fetch(`${server.url}/api/docs/assets/swagger-ui-bundle.js`)
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toMatch(/javascript/)
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json() as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toContain('/api/v1/customers')
  })

  it('sets request ids and secure headers, and never leaks a stack', async () => {
    const res = await fetch(`${server.url}/api/v1/customers/nope`, { headers: { 'x-request-id': 'trace-42' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('x-request-id')).toBe('trace-42')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(await res.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED', requestId: 'trace-42' } })
  })

  it('reports health with the database status', async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ status: 'ok', database: { status: 'ok', dialect: 'sqlite' } })
  })
})

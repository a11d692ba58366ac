/**
 * The admin build at /admin: every page and file under the admin's Content-Security-Policy
 * (scripts from the server only, no inline script but the build's import map, allowed by its hash,
 * no plugin objects, no <base>, never framed), the SPA fallback never cached and hashed assets
 * cached for a year.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.js'
import { directivesOf } from './csp-directives.js'

/** The import map the admin build writes (build/shared-modules.ts), and its CSP source. */
const importMap = '{"imports":{"react":"/admin/assets/shared-react-1a2b.js"}}'
const importMapSource = `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`

describe('the admin build at /admin', () => {
  let server: RunningServer
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-admin-'))
    const adminDir = join(dir, 'admin')
    mkdirSync(join(adminDir, 'assets'), { recursive: true })
    writeFileSync(join(adminDir, 'index.html'), `<!doctype html><title>Rapport admin</title><script type="importmap">${importMap}</script><script type="module" src="/admin/assets/app-1a2b.js"></script>`)
    writeFileSync(join(adminDir, 'assets', 'app-1a2b.js'), 'console.log(1)')
    server = await startServer({ databaseUrl: join(dir, 'rapport.db'), secret: 'admin-static-secret-0123456789', logLevel: 'silent', adminDir, plugins: [] })
  }, 60_000)
  afterAll(async () => { await server.close() })

  it('serves every admin page under a strict Content-Security-Policy', async () => {
    for (const path of ['/admin/', '/admin/customers', '/admin/satisfaction-survey/srv_1', '/admin/index.html']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status, path).toBe(200)
      expect(await res.text()).toContain('Rapport admin')
      const csp = directivesOf(res.headers.get('content-security-policy'))
      expect(csp, path).toMatchObject({
        'default-src': ["'self'"], 'script-src': ["'self'", importMapSource], 'object-src': ["'none'"], 'base-uri': ["'none'"], 'frame-ancestors': ["'none'"], 'form-action': ["'self'"],
      })
      expect(csp['style-src'], path).toEqual(["'self'", "'unsafe-inline'"]) // antd's CSS-in-JS
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('sends the policy with the assets too, and caches hashed ones for a year', async () => {
    const asset = await fetch(`${server.url}/admin/assets/app-1a2b.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(directivesOf(asset.headers.get('content-security-policy'))['script-src']).toEqual(["'self'", importMapSource])
  })

  it('leaves the API without a page policy', async () => {
    const res = await fetch(`${server.url}/api/health`)
    expect(res.headers.get('content-security-policy')).toBeNull()
  })
})

/**
 * @module
 * Serves the built admin (apps/admin/dist) at /admin, with the SPA fallback to index.html and
 * long-lived caching for hashed assets (revalidation for the rest), each text file compressed once
 * (static-files.ts), under the admin's Content-Security-Policy (page-policies.ts). The one inline
 * script the build writes, the import map that gives outside plugins' admin bundles the shell's
 * React, antd and admin kit, is allowed by its hash: no other inline script runs.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { adminPagePolicy, pageSecurity, type PagePolicy } from './page-policies.js'
import { staticFiles } from './static-files.js'

/** Vite names the files under assets/ by a hash of their content: they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** The admin's policy, with the build's import map (an inline `<script type="importmap">`) allowed by its SHA-256. */
function withImportMap(policy: PagePolicy, html: string): PagePolicy {
  const maps = [...html.matchAll(/<script type="importmap">([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`)
  return maps.length === 0 ? policy : { ...policy, scriptSrc: [...(policy.scriptSrc ?? []), ...maps] }
}

/** @example mountAdmin(app, '/path/to/apps/admin/dist') */
export function mountAdmin(app: Hono<any>, adminDir: string): boolean {
  const indexFile = join(adminDir, 'index.html')
  if (!existsSync(indexFile)) return false
  const index = readFileSync(indexFile, 'utf8')
  app.get('/', (c) => c.redirect('/admin/'))
  app.get('/admin', (c) => c.redirect('/admin/'))
  app.use('/admin/*', pageSecurity(withImportMap(adminPagePolicy, index)))
  app.use('/admin/*', staticFiles({
    root: adminDir,
    rewriteRequestPath: (p) => p.replace(/^\/admin/, ''),
    cacheControl: (p) => (p.startsWith('/assets/') ? IMMUTABLE : 'no-cache'),
  }))
  app.get('/admin/*', (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(index)
  })
  return true
}

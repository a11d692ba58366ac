/**
 * @module
 * Serves the built admin (apps/admin/dist) at /admin, with the SPA fallback to index.html and
 * long-lived caching for hashed assets (revalidation for the rest), each text file compressed once
 * (static-files.ts), under the admin's Content-Security-Policy (page-policies.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { adminPagePolicy, pageSecurity } from './page-policies.js'
import { staticFiles } from './static-files.js'

/** Vite names the files under assets/ by a hash of their content: they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** @example mountAdmin(app, '/path/to/apps/admin/dist') */
export function mountAdmin(app: Hono<any>, adminDir: string): boolean {
  const indexFile = join(adminDir, 'index.html')
  if (!existsSync(indexFile)) return false
  const index = readFileSync(indexFile, 'utf8')
  app.get('/', (c) => c.redirect('/admin/'))
  app.get('/admin', (c) => c.redirect('/admin/'))
  app.use('/admin/*', pageSecurity(adminPagePolicy))
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

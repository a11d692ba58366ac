/**
 * @module
 * Serves the built admin (apps/admin/dist) at /admin, with the SPA fallback to index.html and
 * long-lived caching for hashed assets, under the admin's Content-Security-Policy (page-policies.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { adminPagePolicy, pageSecurity } from './page-policies.js'

/** @example mountAdmin(app, '/path/to/apps/admin/dist') */
export function mountAdmin(app: Hono<any>, adminDir: string): boolean {
  const indexFile = join(adminDir, 'index.html')
  if (!existsSync(indexFile)) return false
  const index = readFileSync(indexFile, 'utf8')
  app.get('/', (c) => c.redirect('/admin/'))
  app.get('/admin', (c) => c.redirect('/admin/'))
  app.use('/admin/*', pageSecurity(adminPagePolicy))
  app.use('/admin/assets/*', async function adminAssetCache(c, next) {
    await next()
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  app.use('/admin/*', serveStatic({ root: adminDir, rewriteRequestPath: (p) => p.replace(/^\/admin/, '') }))
  app.get('/admin/*', (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(index)
  })
  return true
}

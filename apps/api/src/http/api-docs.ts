/**
 * @module
 * The API reference page at /api/docs: Swagger UI served from the swagger-ui-dist package (no
 * CDN, so it works offline; compressed once, static-files.ts), reading /api/openapi.json, under
 * its own Content-Security-Policy (page-policies.ts).
 */
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import type { Hono } from 'hono'
import { apiDocsPagePolicy, pageSecurity } from './page-policies.js'
import { staticFiles } from './static-files.js'

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rapport API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><main id="docs"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true })`

/** @example mountApiDocs(app) */
export function mountApiDocs(app: Hono<any>): void {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  // The page runs a large third-party bundle: like every page, it gets a policy that lets no other script run.
  app.use('/api/docs', pageSecurity(apiDocsPagePolicy))
  app.get('/api/docs', (c) => c.html(PAGE))
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  // The package's files are not content-hashed: revalidated by ETag, compressed once.
  app.use('/api/docs/assets/*', staticFiles({ root: dist, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, '') }))
}

/**
 * @module
 * Serves the static pages plugins declare (`pages: [{ path: '/s', dir }]`, e.g. a survey's
 * customer page and widget) while the plugin is enabled: files by name, `index.html` for every
 * other path below (a single-page app) under the customer pages' Content-Security-Policy
 * (page-policies.ts), and 404 `PLUGIN_NOT_ACTIVE` while it is disabled. Files are compressed once
 * and carry ETags (static-files.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pluginErrors, type PluginHost } from '@rapport/core'
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { pageSecurity, pluginPagePolicy } from './page-policies.js'
import { staticFiles } from './static-files.js'

const YEAR = 'public, max-age=31536000, immutable'
/** Files outside `assets/` (a widget script at a fixed URL) may change with a release: cached briefly. */
const SHORT = 'public, max-age=300'

/**
 * Mounts every installed plugin's pages; returns the paths mounted. Two plugins claiming one path
 * is a definition error naming both.
 * @example mountPluginPages(app, host) // ['/s']
 */
export function mountPluginPages(app: Hono<any>, host: PluginHost): string[] {
  const owners = new Map<string, string>()
  for (const def of host.definitions()) {
    for (const page of def.pages ?? []) {
      const other = owners.get(page.path)
      if (other) throw pluginErrors.DEFINITION_INVALID({ plugin: def.name, problem: `pages path ${page.path} is already served by ${other}` })
      owners.set(page.path, def.name)
      mountPages(app, host, def.name, page.path, page.dir)
    }
  }
  return [...owners.keys()]
}

function mountPages(app: Hono<any>, host: PluginHost, plugin: string, base: string, dir: string): void {
  const indexFile = join(dir, 'index.html')
  let index: string | undefined
  const whileEnabled: MiddlewareHandler = async function pluginPagesEnabled(_c, next) {
    if (!host.appOf(plugin)) throw pluginErrors.NOT_ACTIVE({ plugin, state: host.status(plugin).state })
    await next()
  }
  // A directory is never listed nor served as a file: it falls through to the app's index.
  const files = staticFiles({
    root: dir,
    rewriteRequestPath: (p) => p.slice(base.length),
    cacheControl: (p) => (p.startsWith('/assets/') ? YEAR : SHORT),
  })
  const cached: MiddlewareHandler = async function pluginPageFile(c, next) {
    const found = await files(c, async () => {})
    if (!(found instanceof Response)) return next()
    // Static files are public: other sites may load them (the widget script).
    found.headers.set('Cross-Origin-Resource-Policy', 'cross-origin')
    return found
  }
  const page = (c: Context) => {
    index ??= existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined
    if (index === undefined) throw pluginErrors.NOT_ACTIVE({ plugin, state: 'not built' })
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    return c.html(index)
  }
  const security = pageSecurity(pluginPagePolicy)
  app.use(base, whileEnabled)
  app.use(`${base}/*`, whileEnabled)
  app.get(`${base}/*`, cached)
  app.get(base, security, page)
  app.get(`${base}/*`, security, page)
}

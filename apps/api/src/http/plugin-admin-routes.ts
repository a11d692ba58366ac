/**
 * @module
 * The admin pages of plugins loaded from outside the repository: each ships its admin part as a
 * built ES module (see docs/plugins.md, "Admin pages"), which the admin shell imports at run time.
 * `GET /api/v1/plugin-admins` lists where each bundle is; its files are served below a URL that
 * names the plugin's version and a hash of the entry, so a release is cached for good and a new
 * build gets a new URL. Signed-in staff only, like the pages themselves; while the plugin is
 * disabled its files answer 404 PLUGIN_NOT_ACTIVE.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { commonErrors, defineRoute, errorBody, jsonResponse, pluginErrors, policies, requestErrors, type CoreRoute, type PluginHost } from '@rapport/core'
import { z } from '@rapport/plugin-sdk'

/** One outside plugin's admin bundle: the plugin's name and where its admin part's entry module is served. */
export const pluginAdminBundle = z.object({
  plugin: z.string().openapi({ example: 'vip-birthday' }),
  url: z.string().openapi({ example: '/api/v1/plugin-admins/vip-birthday/0.1.0-3f2a9c1d0b/index.js' }),
}).openapi('PluginAdminBundle')

/** Bundle file names as bundlers write them: one path segment, a JavaScript module. */
const FILE = /^[\w-][\w.-]*\.m?js$/

/** The plugin's version and the first 10 hex digits of the entry's SHA-256: changes with every build. */
const versionOf = (version: string, entry: string): string => `${version}-${createHash('sha256').update(readFileSync(entry)).digest('hex').slice(0, 10)}`

/**
 * @param bundles - plugin name → absolute path of its built admin entry (from loadExternalPlugins)
 * @example createCoreApp(services, { host, extraRoutes: pluginAdminRoutes(host, loaded.adminBundles) })
 */
export function pluginAdminRoutes(host: PluginHost, bundles: ReadonlyMap<string, string>): CoreRoute[] {
  const installed = () => host.definitions().filter((def) => bundles.has(def.name) && existsSync(bundles.get(def.name)!))
  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/plugin-admins', access: policies.signedIn, tags: ['plugins'],
      summary: 'Where the admin bundles of plugins loaded from outside the repository are served',
      responses: { 200: jsonResponse(z.object({ items: z.array(pluginAdminBundle) }), 'One entry per installed plugin that ships a built admin part'), ...commonErrors },
    },
    (c) => c.json({
      items: installed().map((def) => {
        const entry = bundles.get(def.name)!
        return { plugin: def.name, url: `/api/v1/plugin-admins/${encodeURIComponent(def.name)}/${versionOf(def.version, entry)}/${basename(entry)}` }
      }),
    }, 200),
  )
  const file = defineRoute(
    {
      method: 'get', path: '/api/v1/plugin-admins/{plugin}/{version}/{file}', access: policies.signedIn, tags: ['plugins'],
      summary: 'A file of a plugin\'s admin bundle (JavaScript), while the plugin is enabled',
      request: { params: z.object({ plugin: z.string(), version: z.string(), file: z.string().regex(FILE) }) },
      responses: { 200: { description: 'The module', content: { 'text/javascript': { schema: z.string() } } }, 404: jsonResponse(errorBody, 'No such plugin, bundle version or file, or the plugin is disabled'), ...commonErrors },
    },
    (c) => {
      const { plugin, version, file: name } = c.req.valid('param')
      const def = installed().find((d) => d.name === plugin)
      const entry = bundles.get(plugin)
      if (!def || !entry) throw requestErrors.NOT_FOUND({ path: c.req.path })
      if (!host.appOf(plugin)) throw pluginErrors.NOT_ACTIVE({ plugin, state: host.status(plugin).state })
      const path = join(dirname(entry), name)
      // An older version's URL is not served: its chunks may be gone, and the admin asks for the list again.
      if (version !== versionOf(def.version, entry) || !existsSync(path)) throw requestErrors.NOT_FOUND({ path: c.req.path })
      return c.body(readFileSync(path, 'utf8'), 200, {
        'content-type': 'text/javascript; charset=utf-8',
        // The version is in the URL; private because it is served to signed-in staff only.
        'cache-control': 'private, max-age=31536000, immutable',
      })
    },
  )
  return [list, file]
}

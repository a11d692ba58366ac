/**
 * @module
 * Loads plugins that are not built into this server: npm package names or folders, named in
 * `RAPPORT_PLUGINS` or the config file's `plugins`. Each module is imported and must export a
 * plugin definition (default export, or a named `plugin`). A module that cannot be loaded is
 * reported (PLUGIN_LOAD_FAILED naming the module) and stands in the plugin list as a failed plugin,
 * so `GET /api/v1/plugins` shows it; the host itself checks every loaded definition at boot (an
 * incompatible `host` range is PLUGIN_HOST_RANGE) while the others serve.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { pluginErrors, type PluginDefinition } from '@rapport/core'
import { prepareRunTimeImports } from './run-time-imports.js'

/** A module that could not be turned into a plugin definition. */
export type PluginLoadFailure = { module: string; code: string; message: string }

/**
 * `adminBundles`: plugin name → absolute path of its built admin entry, for those whose `admin`
 * names a JavaScript module their package exports (served by http/plugin-admin-routes.ts);
 * `adminProblems`: why a plugin's declared `admin` is not served (not built, not exported).
 */
export type LoadedPlugins = { plugins: PluginDefinition[]; failures: PluginLoadFailure[]; adminBundles: Map<string, string>; adminProblems: string[] }

export type LoadExternalPluginsOptions = {
  /** Where relative folders and package names are resolved from (the directory Rapport was started in). */
  baseDir?: string
}

const isPath = (spec: string) => spec.startsWith('.') || isAbsolute(spec)

/** Entry of a plugin folder: its package.json `exports['./server']`, `exports['.']` or `main`, else `index.ts`/`index.js`. */
function folderEntry(dir: string): string {
  const manifest = join(dir, 'package.json')
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { main?: string; exports?: string | Record<string, unknown> }
    const pick = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' ? pick((v as Record<string, unknown>).import ?? (v as Record<string, unknown>).default) : undefined)
    const exported = typeof pkg.exports === 'string' ? pkg.exports : pick(pkg.exports?.['./server']) ?? pick(pkg.exports?.['.'])
    const entry = exported ?? pkg.main
    if (entry) return join(dir, entry)
  }
  for (const name of ['index.ts', 'index.js', 'index.mjs']) if (existsSync(join(dir, name))) return join(dir, name)
  throw new Error(`no entry in ${dir} (package.json exports or main, or index.ts/index.js)`)
}

/** A package folder under `node_modules`, looked up from `baseDir` upwards. */
function packageFolder(name: string, baseDir: string): string | undefined {
  for (let dir = baseDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(dir) === dir) return undefined
  }
}

/** What `import()` gets for one configured name. */
function importTarget(spec: string, baseDir: string): string {
  if (isPath(spec)) {
    const path = resolve(baseDir, spec)
    if (!existsSync(path)) throw new Error(`${path} does not exist`)
    return pathToFileURL(statSync(path).isDirectory() ? folderEntry(path) : path).href
  }
  const folder = packageFolder(spec, baseDir)
  // Not under baseDir: let Node resolve it from this server's own dependencies.
  return folder ? pathToFileURL(folderEntry(folder)).href : spec
}

/**
 * The built module a plugin's `admin` names (`rapport-plugin-vip/admin`, resolved from the plugin's
 * own entry, so through its package.json `exports`), or why there is none. Only a JavaScript
 * module can be served: a TypeScript admin part is for the built-in plugins the admin is built with.
 */
function adminBundleOf(def: PluginDefinition, target: string): { entry: string } | { problem: string } | undefined {
  if (!def.admin || !target.startsWith('file:')) return undefined
  let entry: string
  try {
    entry = createRequire(fileURLToPath(target)).resolve(def.admin)
  } catch (err) {
    return { problem: `plugin ${def.name}: its admin module ${def.admin} cannot be resolved (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); build it (pnpm build) so its package exports it` }
  }
  if (!/\.m?js$/.test(entry)) return { problem: `plugin ${def.name}: its admin module ${def.admin} is ${entry}, not a built JavaScript module; build it (pnpm build) and export the built file` }
  return { entry }
}

/** True for something shaped like a plugin definition; the host checks the rest at boot. */
const isDefinition = (value: unknown): value is PluginDefinition =>
  typeof value === 'object' && value !== null &&
  ['name', 'namespace', 'version', 'host'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string')

/** A stand-in that boots as failed with the load error, so the plugin list shows the module. */
function failedStandIn(spec: string, index: number, error: ReturnType<typeof pluginErrors.LOAD_FAILED>): PluginDefinition {
  const slug = spec.replace(/^@[^/]+\//, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().replace(/^([^a-z])/, 'p$1').slice(0, 30) || 'plugin'
  return {
    name: `unloaded-${slug}`, namespace: `unloaded${index}`, version: '0.0.0', host: '*',
    setup() { throw error },
  }
}

/**
 * @param specs - npm package names or folder paths (relative to `baseDir`)
 * @returns the definitions to install, stand-ins for the modules that failed, and the failures
 * @example
 * const { plugins, failures } = await loadExternalPlugins(['@acme/rapport-vip', './plugins-local/birthday'])
 * startServer({ ..., plugins: [...installedPlugins, ...plugins] })
 */
export async function loadExternalPlugins(specs: readonly string[], { baseDir = process.cwd() }: LoadExternalPluginsOptions = {}): Promise<LoadedPlugins> {
  const plugins: PluginDefinition[] = []
  const failures: PluginLoadFailure[] = []
  const adminBundles = new Map<string, string>()
  const adminProblems: string[] = []
  if (specs.length > 0) await prepareRunTimeImports()
  for (const [index, spec] of specs.entries()) {
    try {
      const target = importTarget(spec, baseDir)
      const mod = (await import(target)) as Record<string, unknown>
      const found = [mod.default, mod.plugin, (mod.default as Record<string, unknown> | undefined)?.default].find(isDefinition)
      if (!found) throw new Error('it exports no plugin definition (a default export or `plugin` made with definePlugin)')
      plugins.push(found)
      const admin = adminBundleOf(found, target)
      if (admin && 'entry' in admin) adminBundles.set(found.name, admin.entry)
      else if (admin) adminProblems.push(admin.problem)
    } catch (err) {
      const error = pluginErrors.LOAD_FAILED({ plugin: spec, module: spec, reason: err instanceof Error ? err.message : String(err) }, err)
      failures.push({ module: spec, code: error.code, message: error.message })
      plugins.push(failedStandIn(spec, index, error))
    }
  }
  return { plugins, failures, adminBundles, adminProblems }
}

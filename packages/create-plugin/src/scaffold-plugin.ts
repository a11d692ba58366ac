/**
 * @module
 * Writes a new plugin from the templates in `templates/`: `common/` always, then `workspace/` for a
 * plugin inside the Rapport workspace (workspace dependencies, the shared tsconfig, admin pages) or
 * `standalone/` for a project of its own outside it (the SDK from npm or a packed tarball, its own
 * tsconfig, vitest, and a build of its admin pages the Rapport admin loads at run time). Every `*.tmpl`
 * file is copied with its placeholders filled (`__NAME__`, `__NAMESPACE__`, `__TITLE__`, ...) and
 * the `.tmpl` suffix dropped (`gitignore` becomes `.gitignore`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkPluginName, PluginNameError } from './plugin-name.js'

/** Where the templates live. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url))

/** The Rapport repository this scaffolder belongs to: the SDK's version and the tool versions come from it. */
const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url))

export type ScaffoldOptions = {
  /** The plugin's name, kebab-case. */
  name: string
  /** The workspace root (holds `pnpm-workspace.yaml` and `tsconfig.base.json`). */
  root: string
  /** Target folder, relative to the root; default `plugins/<name>`. */
  dir?: string
  /** Namespace; default the camelCase of the name. */
  namespace?: string
  /** Outside the workspace only: the SDK to depend on (see {@link sdkSpec}; paths relative to the root). */
  sdk?: string
  /** Outside the workspace only: the admin kit to depend on (a `file:` spec); default `^` its version. */
  adminKit?: string
}

/** What was written, and whether it is a project of its own. */
export type Scaffolded = { dir: string; name: string; namespace: string; files: string[]; standalone: boolean; sdk?: string }

function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    return entry.isDirectory() ? templateFiles(dir, path) : entry.name.endsWith('.tmpl') ? [path] : []
  })
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: string; devDependencies: Record<string, string> }

/** Versions of a standalone project's admin tools: those the admin kit is built and checked with. */
function adminToolVersions(adminKit: string | undefined): Record<string, string> {
  const kit = readJson(join(REPO_DIR, 'packages', 'admin-kit', 'package.json'))
  const dev = kit.devDependencies
  return {
    ADMIN_KIT: adminKit ?? `^${kit.version}`, ICONS: dev['@ant-design/icons']!, REACT_QUERY: dev['@tanstack/react-query']!, TYPES_REACT: dev['@types/react']!,
    ANTD: dev.antd!, REACT: dev.react!, REACT_ROUTER: dev['react-router']!, TSDOWN: dev.tsdown!,
  }
}

/** True when `target` lies outside the workspace at `root` (a standalone project). */
export const isOutside = (root: string, target: string) => {
  const path = relative(root, target)
  return path.startsWith('..') || isAbsolute(path)
}

/**
 * The SDK dependency of a standalone project: `file:` specs as given (relative ones are the
 * project's), a tarball path as an absolute `file:` path, a version range as given; default `^`
 * the SDK's version, from the npm registry.
 * @example sdkSpec('./rapport-plugin-sdk-1.0.0.tgz', process.cwd()) // 'file:/home/me/rapport-plugin-sdk-1.0.0.tgz'
 */
export function sdkSpec(sdk: string | undefined, from: string): string {
  if (!sdk) return `^${readJson(join(REPO_DIR, 'packages', 'plugin-sdk', 'package.json')).version}`
  if (sdk.startsWith('file:')) return sdk
  if (sdk.endsWith('.tgz') || sdk.startsWith('.') || isAbsolute(sdk)) {
    const path = resolve(from, sdk)
    if (!existsSync(path)) throw new PluginNameError(`--sdk ${sdk}: ${path} does not exist (pack the SDK with: pnpm --filter @rapport/plugin-sdk pack)`)
    return `file:${path}`
  }
  return sdk
}

/**
 * @throws PluginNameError for a bad name, a taken name or namespace, or a target folder that is not empty
 * @example scaffoldPlugin({ name: 'vip-birthday', root: process.cwd() })
 * @example scaffoldPlugin({ name: 'vip-birthday', root, dir: '/home/me/vip-birthday', sdk: './rapport-plugin-sdk-1.0.0.tgz' })
 */
export function scaffoldPlugin({ name, root, dir, namespace, sdk, adminKit }: ScaffoldOptions): Scaffolded {
  const checked = checkPluginName(name, root, namespace)
  const target = resolve(root, dir ?? join('plugins', checked.name))
  if (existsSync(target) && readdirSync(target).length > 0) throw new PluginNameError(`${relative(root, target) || target} already exists and is not empty: choose another --dir`)
  const standalone = isOutside(root, target)
  if (sdk && !standalone) throw new PluginNameError('--sdk is for a plugin outside the workspace (--dir <folder outside>); inside, the plugin uses the workspace SDK')
  const tools = readJson(join(REPO_DIR, 'package.json')).devDependencies
  const values: Record<string, string> = {
    NAMESPACE: checked.namespace, NAME: checked.name, TITLE: checked.title,
    TYPE: checked.namespace.charAt(0).toUpperCase() + checked.namespace.slice(1),
    PREFIX: checked.namespace.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase(),
    ROOT: relative(target, root).split('\\').join('/') || '.',
    // Outside, the server resolves it through the project's package.json exports (the built file).
    ADMIN: `  admin: '${standalone ? 'rapport-plugin' : '@rapport/plugin'}-${checked.name}/admin',\n`,
    ...(standalone ? { SDK: sdkSpec(sdk, root), TYPESCRIPT: tools.typescript!, VITEST: tools.vitest!, TYPES_NODE: tools['@types/node']!, ...adminToolVersions(adminKit) } : {}),
  }
  const placeholder = new RegExp(`__(${Object.keys(values).sort((a, b) => b.length - a.length).join('|')})__(\\n?)`, 'g')
  const fill = (text: string) => text.replace(placeholder, (_m, key: string, newline: string) => (key === 'ADMIN' ? values[key]! : values[key]! + newline))
  const files = ['common', standalone ? 'standalone' : 'workspace'].flatMap((part) => templateFiles(join(TEMPLATES_DIR, part)).map((template) => {
    const path = template.slice(0, -'.tmpl'.length).replace(/(^|\/)gitignore$/, '$1.gitignore')
    const out = join(target, path)
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, fill(readFileSync(join(TEMPLATES_DIR, part, template), 'utf8')))
    return relative(target, out)
  }))
  return { dir: target, name: checked.name, namespace: checked.namespace, files, standalone, ...(standalone ? { sdk: values.SDK! } : {}) }
}

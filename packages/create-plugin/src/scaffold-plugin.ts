/**
 * @module
 * Writes a new plugin from the templates in `templates/`: every `*.tmpl` file is copied with its
 * placeholders filled (`__NAME__`, `__NAMESPACE__`, `__TITLE__`, `__TYPE__`, `__ROOT__`) and the
 * `.tmpl` suffix dropped.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkPluginName, PluginNameError } from './plugin-name.js'

/** Where the templates live. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url))

export type ScaffoldOptions = {
  /** The plugin's name, kebab-case. */
  name: string
  /** The workspace root (holds `pnpm-workspace.yaml` and `tsconfig.base.json`). */
  root: string
  /** Target folder, relative to the root; default `plugins/<name>`. */
  dir?: string
  /** Namespace; default the camelCase of the name. */
  namespace?: string
}

/** What was written. */
export type Scaffolded = { dir: string; name: string; namespace: string; files: string[] }

function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    return entry.isDirectory() ? templateFiles(dir, path) : entry.name.endsWith('.tmpl') ? [path] : []
  })
}

/**
 * @throws PluginNameError for a bad name, a taken name or namespace, or a target folder that is not empty
 * @example scaffoldPlugin({ name: 'vip-birthday', root: process.cwd() })
 */
export function scaffoldPlugin({ name, root, dir, namespace }: ScaffoldOptions): Scaffolded {
  const checked = checkPluginName(name, root, namespace)
  const target = resolve(root, dir ?? join('plugins', checked.name))
  if (existsSync(target) && readdirSync(target).length > 0) throw new PluginNameError(`${relative(root, target) || target} already exists and is not empty: choose another --dir`)
  const toRoot = relative(target, root).split('\\').join('/') || '.'
  const values: Record<string, string> = {
    __NAMESPACE__: checked.namespace, __NAME__: checked.name, __TITLE__: checked.title,
    __TYPE__: checked.namespace.charAt(0).toUpperCase() + checked.namespace.slice(1), __ROOT__: toRoot,
  }
  const files = templateFiles(TEMPLATES_DIR).map((template) => {
    const out = join(target, template.slice(0, -'.tmpl'.length))
    const text = readFileSync(join(TEMPLATES_DIR, template), 'utf8').replace(/__(NAMESPACE|NAME|TITLE|TYPE|ROOT)__/g, (key) => values[key]!)
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, text)
    return relative(target, out)
  })
  return { dir: target, name: checked.name, namespace: checked.namespace, files }
}

/**
 * @module
 * Checks a new plugin's name and derives its namespace, with messages that say what to change.
 * The patterns are the host's (a name that passes here also passes the host's boot checks).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
export const NAMESPACE_PATTERN = /^[a-z][a-zA-Z0-9]{1,19}$/
const RESERVED_NAMESPACES = new Set(['core', 'order', 'customer', 'api', 'host', 'plugin'])

/** A name problem the CLI prints and exits on. */
export class PluginNameError extends Error {
  override readonly name = 'PluginNameError'
}

/** camelCase of a kebab-case name. @example namespaceOf('vip-birthday') // 'vipBirthday' */
export const namespaceOf = (name: string): string => name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase())

/** Title Case of a kebab-case name. @example titleOf('vip-birthday') // 'Vip Birthday' */
export const titleOf = (name: string): string => name.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ')

/** Names and namespaces of the plugins already in the workspace's `plugins/` folder. */
function existingPlugins(root: string): Array<{ folder: string; name: string; namespace?: string }> {
  const dir = join(root, 'plugins')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => {
    const entry = join(dir, d.name, 'server', 'index.ts')
    const source = existsSync(entry) ? readFileSync(entry, 'utf8') : ''
    const namespace = /namespace:\s*'([^']+)'/.exec(source)?.[1]
    const name = /name:\s*'([^']+)'/.exec(source)?.[1] ?? d.name
    return { folder: d.name, name, ...(namespace ? { namespace } : {}) }
  })
}

/**
 * @throws PluginNameError naming the problem
 * @example checkPluginName('vip-birthday', repoRoot) // { name: 'vip-birthday', namespace: 'vipBirthday', title: 'Vip Birthday' }
 */
export function checkPluginName(name: string | undefined, root: string, namespace = name ? namespaceOf(name) : ''): { name: string; namespace: string; title: string } {
  if (!name) throw new PluginNameError('Give the plugin a name: pnpm create-plugin <name> (kebab-case, e.g. vip-birthday)')
  if (name.length > 40 || !NAME_PATTERN.test(name)) {
    throw new PluginNameError(`"${name}" is not a valid plugin name: use kebab-case (lowercase letters and digits, words joined by "-", starting with a letter, at most 40 characters), e.g. vip-birthday`)
  }
  if (!NAMESPACE_PATTERN.test(namespace) || RESERVED_NAMESPACES.has(namespace)) {
    throw new PluginNameError(`The namespace "${namespace}" is not valid: it must be camelCase, 2–20 characters, and not one of ${[...RESERVED_NAMESPACES].join(', ')}. Pass a shorter one with --namespace`)
  }
  for (const plugin of existingPlugins(root)) {
    if (plugin.name === name || plugin.folder === name) throw new PluginNameError(`A plugin named "${name}" already exists (plugins/${plugin.folder}): choose another name`)
    if (plugin.namespace === namespace) throw new PluginNameError(`The namespace "${namespace}" is already used by plugins/${plugin.folder}: pass another with --namespace`)
  }
  return { name, namespace, title: titleOf(name) }
}

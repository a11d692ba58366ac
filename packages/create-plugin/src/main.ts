/**
 * @module
 * `pnpm create-plugin <name> [--dir <folder>] [--namespace <ns>]`: scaffolds a plugin into
 * `plugins/<name>` (or the folder given) of the workspace it is run in.
 */
import { existsSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { PluginNameError } from './plugin-name.js'
import { scaffoldPlugin } from './scaffold-plugin.js'

const USAGE = 'Usage: pnpm create-plugin <name> [--dir <folder>] [--namespace <camelCase>]\n  name: kebab-case, e.g. vip-birthday; folder: default plugins/<name>\n'

/** The workspace root: the nearest folder upwards holding pnpm-workspace.yaml. */
function workspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    if (dirname(dir) === dir) return from
  }
}

function main(argv: string[]): number {
  let parsed: ReturnType<typeof parse>
  const parse = () => parseArgs({ args: argv, allowPositionals: true, strict: true, options: { dir: { type: 'string' }, namespace: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  try {
    parsed = parse()
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`)
    return 1
  }
  const { positionals, values } = parsed
  if (values.help) { process.stdout.write(USAGE); return 0 }
  if (positionals.length > 1) { process.stderr.write(`Give one name, got ${positionals.join(' ')}\n\n${USAGE}`); return 1 }
  // pnpm runs root scripts from the workspace root; INIT_CWD is where the command was typed.
  const root = workspaceRoot(process.env.INIT_CWD ?? process.cwd())
  try {
    const made = scaffoldPlugin({ name: positionals[0] ?? '', root, ...(values.dir ? { dir: values.dir } : {}), ...(values.namespace ? { namespace: values.namespace } : {}) })
    const where = relative(root, made.dir)
    process.stdout.write(`Created ${made.name} (namespace ${made.namespace}) in ${where}: ${made.files.length} files.\n\nNext:\n  pnpm install\n  cd ${where} && pnpm test\n  then read docs/plugins.md\n`)
    return 0
  } catch (err) {
    if (err instanceof PluginNameError) { process.stderr.write(`${err.message}\n`); return 1 }
    throw err
  }
}

process.exitCode = main(process.argv.slice(2))

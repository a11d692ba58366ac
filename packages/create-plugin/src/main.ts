/**
 * @module
 * `pnpm create-plugin <name> [--dir <folder>] [--namespace <ns>] [--sdk <version or tarball>]`:
 * scaffolds a plugin into `plugins/<name>` of the workspace it is run in, or into a folder outside
 * it as a project of its own. Such a project gets this checkout's SDK and admin kit packed beside it
 * (until they are taken from the npm registry), unless `--sdk` names a version range or a packed tarball.
 */
import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { adminKitTarballName, packSdk, sdkTarballName } from './pack-sdk.js'
import { PluginNameError } from './plugin-name.js'
import { isOutside, scaffoldPlugin, sdkSpec } from './scaffold-plugin.js'

const USAGE = `Usage: pnpm create-plugin <name> [--dir <folder>] [--namespace <camelCase>] [--sdk <version or .tgz>]
  name: kebab-case, e.g. vip-birthday; folder: default plugins/<name>
  a folder outside the workspace becomes a project of its own; its SDK is this checkout's, packed
  into it, unless --sdk gives a version range (from the npm registry) or a packed tarball
`

/** The workspace root: the nearest folder upwards holding pnpm-workspace.yaml. */
function workspaceRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    if (dirname(dir) === dir) return from
  }
}

/** What to do next, as commands that work from where they say. */
function nextSteps(root: string, made: { dir: string; standalone: boolean }): string {
  if (!made.standalone) return `Next:\n  pnpm install\n  cd ${relative(root, made.dir)} && pnpm test\n  then read docs/plugins.md\n`
  return `Next:\n  cd ${made.dir}\n  pnpm install\n  pnpm typecheck && pnpm test && pnpm build\nThen load it into Rapport, from ${root}:\n  RAPPORT_PLUGINS=${made.dir} pnpm start\nand read docs/plugins.md there (§9: plugins outside the repository).\n`
}

function main(argv: string[]): number {
  let parsed: ReturnType<typeof parse>
  const parse = () => parseArgs({ args: argv, allowPositionals: true, strict: true, options: { dir: { type: 'string' }, namespace: { type: 'string' }, sdk: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
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
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const root = workspaceRoot(cwd)
  const dir = values.dir ? resolve(cwd, values.dir) : undefined
  const packHere = dir !== undefined && isOutside(root, dir) && values.sdk === undefined
  try {
    const sdk = packHere ? `file:./${sdkTarballName(root)}` : values.sdk === undefined ? undefined : sdkSpec(values.sdk, cwd)
    const adminKit = packHere ? { adminKit: `file:./${adminKitTarballName(root)}` } : {}
    const made = scaffoldPlugin({ name: positionals[0] ?? '', root, ...(dir ? { dir } : {}), ...(values.namespace ? { namespace: values.namespace } : {}), ...(sdk ? { sdk } : {}), ...adminKit })
    const where = made.standalone ? made.dir : relative(root, made.dir)
    process.stdout.write(`Created ${made.name} (namespace ${made.namespace}) in ${where}: ${made.files.length} files${made.standalone ? `, a project of its own (SDK: ${made.sdk})` : ''}.\n`)
    if (packHere) {
      process.stdout.write('Packing this checkout\'s @rapport/plugin-sdk and @rapport/admin-kit into it...\n')
      const packed = packSdk(root, made.dir)
      if ('error' in packed) {
        process.stderr.write(`Packing the SDK failed:\n${packed.error}\nRun it again with: pnpm --filter @rapport/plugin-sdk pack --pack-destination ${made.dir}\n`)
        return 1
      }
    }
    process.stdout.write(`\n${nextSteps(root, made)}`)
    return 0
  } catch (err) {
    if (err instanceof PluginNameError) { process.stderr.write(`${err.message}\n`); return 1 }
    throw err
  }
}

process.exitCode = main(process.argv.slice(2))

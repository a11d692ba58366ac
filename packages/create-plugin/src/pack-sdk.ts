/**
 * @module
 * Packs this checkout's `@rapport/plugin-sdk` (`pnpm pack`, which builds it first) into a folder,
 * for a standalone plugin to install while the SDK is not taken from the npm registry.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The tarball `pnpm pack` names for a scoped package: `@rapport/plugin-sdk@1.0.0` → `rapport-plugin-sdk-1.0.0.tgz`. */
export function sdkTarballName(root: string): string {
  const { name, version } = JSON.parse(readFileSync(join(root, 'packages', 'plugin-sdk', 'package.json'), 'utf8')) as { name: string; version: string }
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`
}

/**
 * @returns the tarball's file name in `destination`, or the error output of a failed pack
 * @example packSdk(repoRoot, '/home/me/vip-birthday') // { tarball: 'rapport-plugin-sdk-1.0.0.tgz' }
 */
export function packSdk(root: string, destination: string): { tarball: string } | { error: string } {
  const packed = spawnSync('pnpm', ['--filter', '@rapport/plugin-sdk', 'pack', '--pack-destination', destination], { cwd: root, encoding: 'utf8' })
  if (packed.status !== 0) return { error: `${packed.stdout}${packed.stderr}`.trim() || `pnpm pack exited with ${packed.status}` }
  return { tarball: sdkTarballName(root) }
}

/**
 * @module
 * Packs this checkout's `@rapport/plugin-sdk` and `@rapport/admin-kit` (`pnpm pack`, which builds
 * each first) into a folder, for a standalone plugin to install while they are not taken from the
 * npm registry.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The packages a standalone plugin installs from this checkout, by their folder under packages/. */
const PACKED = ['plugin-sdk', 'admin-kit'] as const

/** The tarball `pnpm pack` names for a scoped package: `@rapport/plugin-sdk@1.0.0` → `rapport-plugin-sdk-1.0.0.tgz`. */
export function tarballName(root: string, folder: (typeof PACKED)[number]): string {
  const { name, version } = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')) as { name: string; version: string }
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`
}

/** @example sdkTarballName(repoRoot) // 'rapport-plugin-sdk-1.0.0.tgz' */
export const sdkTarballName = (root: string): string => tarballName(root, 'plugin-sdk')

/** @example adminKitTarballName(repoRoot) // 'rapport-admin-kit-1.0.0.tgz' */
export const adminKitTarballName = (root: string): string => tarballName(root, 'admin-kit')

/**
 * @returns the tarballs' file names in `destination`, or the error output of a failed pack
 * @example packSdk(repoRoot, '/home/me/vip-birthday') // { tarballs: ['rapport-plugin-sdk-1.0.0.tgz', 'rapport-admin-kit-1.0.0.tgz'] }
 */
export function packSdk(root: string, destination: string): { tarballs: string[] } | { error: string } {
  for (const folder of PACKED) {
    const packed = spawnSync('pnpm', ['--filter', `@rapport/${folder}`, 'pack', '--pack-destination', destination], { cwd: root, encoding: 'utf8' })
    if (packed.status !== 0) return { error: `${packed.stdout}${packed.stderr}`.trim() || `pnpm pack of @rapport/${folder} exited with ${packed.status}` }
  }
  return { tarballs: PACKED.map((folder) => tarballName(root, folder)) }
}

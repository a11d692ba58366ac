/**
 * @module
 * Builds the complaint-tracking customer pages (plugins/complaint-tracking/dist/pages) when the build
 * is missing or older than its sources, so the server under test serves it as it is now.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from './ensure-admin-build'

const pluginDir = path.join(repoRoot, 'plugins/complaint-tracking')

const newestMtime = (target: string): number => {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs)
}

/** Runs the plugin's `build` unless dist/pages/index.html is newer than the page's sources. */
export function ensureComplaintPagesBuild(): void {
  const built = path.join(pluginDir, 'dist/pages/index.html')
  const sourceTime = Math.max(...['customer', 'shared', 'package.json'].map((p) => newestMtime(path.join(pluginDir, p))))
  if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) return
  execFileSync('pnpm', ['--filter', '@rapport/plugin-complaint-tracking', 'build'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}

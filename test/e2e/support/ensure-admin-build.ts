/**
 * @module
 * Builds apps/admin when its dist is missing or older than its sources (its own, the admin kit's
 * and every plugin's admin part), so the server under
 * test serves the admin as it is now.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Root of the monorepo. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..')
/** The admin app and its build output. */
export const adminDir = path.join(repoRoot, 'apps/admin')
export const adminDist = path.join(adminDir, 'dist')

const newestMtime = (target: string): number => {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs)
}

/** Whether dist/index.html is newer than every source. */
function isFresh(): boolean {
  const built = path.join(adminDist, 'index.html')
  // A plugin's admin part may import its shared schemas and its customer page's modules (the survey preview does).
  const pluginAdmins = readdirSync(path.join(repoRoot, 'plugins')).flatMap((name) => ['admin', 'shared', 'customer/src'].map((part) => path.join(repoRoot, 'plugins', name, part)))
  const sources = [...['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(adminDir, p)), path.join(repoRoot, 'packages/admin-kit/src'), ...pluginAdmins]
  const sourceTime = Math.max(...sources.filter(existsSync).map(newestMtime))
  return existsSync(built) && statSync(built).mtimeMs >= sourceTime
}

/** Runs `vite build` for @rapport/admin unless dist/index.html is newer than every source. */
export function ensureAdminBuild(): void {
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' }
  for (let attempt = 1; !isFresh(); attempt++) {
    try {
      execFileSync('pnpm', ['--filter', '@rapport/admin', 'build'], { cwd: repoRoot, stdio: 'inherit', env })
      return
    } catch (err) {
      // Vite refuses a second build of the same project ("Found another Vite build process"), which
      // browser files run side by side hit: wait for the other build, then look again.
      if (attempt >= 6) throw err
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000)
    }
  }
}

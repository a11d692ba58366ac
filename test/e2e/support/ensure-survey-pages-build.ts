/**
 * @module
 * Builds the satisfaction-survey customer page and widget (plugins/satisfaction-survey/dist/pages)
 * when the build is missing or older than their sources, so the server under test serves them as
 * they are now.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from './ensure-admin-build'

const pluginDir = path.join(repoRoot, 'plugins/satisfaction-survey')

const newestMtime = (target: string): number => {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs)
}

/** Runs the plugin's `build` unless dist/pages is newer than the customer page's and the widget's sources (and the markup allowlist the page applies). */
export function ensureSurveyPagesBuild(): void {
  const built = ['index.html', 'embed.js'].map((f) => path.join(pluginDir, 'dist/pages', f))
  const sourceTime = Math.max(...['customer', 'embed', 'shared/html-allowlist.ts', 'package.json'].map((p) => newestMtime(path.join(pluginDir, p))))
  if (built.every((f) => existsSync(f) && statSync(f).mtimeMs >= sourceTime)) return
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('pnpm', ['--filter', '@rapport/plugin-satisfaction-survey', 'build'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}

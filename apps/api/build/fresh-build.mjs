/**
 * @module
 * Whether the server bundle in dist/ (build/bundle-server.mjs) may run: it must exist and be newer
 * than every source it was made from (dist/inputs.json) and than the last install (a bundle
 * names npm packages by their files under node_modules). An out-of-date bundle never runs: the
 * `rapport` command then runs from source. A few hundred `stat` calls, about 2 ms.
 */
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const app = fileURLToPath(new URL('..', import.meta.url))
const repo = resolve(app, '../..')

/**
 * @param {string} [distDir] the bundle's folder (default apps/api/dist)
 * @returns {{ url: string } | { url?: undefined, stale?: string }} the bundle's entry, or why it may not run (`stale` unset when there is no bundle)
 * @example const built = freshBuild(); if (built.url) await import(built.url)
 */
export function freshBuild(distDir = join(app, 'dist')) {
  const entry = join(distDir, 'rapport.mjs')
  let builtAt
  let inputs
  try {
    builtAt = statSync(entry).mtimeMs
    inputs = JSON.parse(readFileSync(join(distDir, 'inputs.json'), 'utf8')).inputs
  } catch {
    return {}
  }
  for (const input of [...inputs, 'node_modules/.modules.yaml']) {
    let changedAt
    try {
      changedAt = statSync(join(repo, input)).mtimeMs
    } catch {
      return { stale: `${input} is gone since the server was built` }
    }
    if (changedAt > builtAt) return { stale: `${input} changed after the server was built` }
  }
  return { url: pathToFileURL(entry).href }
}

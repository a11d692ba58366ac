#!/usr/bin/env node
// Runs the `rapport` command from its build (dist/, made by `pnpm build`) when that is newer than
// every source it was made from, else from the TypeScript sources through tsx's loader. Either way
// in this process (no child process, so signals such as SIGTERM reach the server directly).
// RAPPORT_FROM_SOURCE=1 always runs the sources.
import { freshBuild } from '../build/fresh-build.mjs'

const built = process.env.RAPPORT_FROM_SOURCE === '1' ? {} : freshBuild()
if (built.url) {
  await import(built.url)
} else {
  if (built.stale) process.stderr.write(`rapport: running from source, the build is out of date (${built.stale}); \`pnpm build\` refreshes it\n`)
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}

#!/usr/bin/env node
// `pnpm test`: every test of every package in one vitest run (after the type check, lint and the admin
// build the browser tests need), then the closing line CI reads: `N passed, N failed`. The counts are
// also kept in test-results/summary.json (.ci/run adds the Node 26 smoke run to them).
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { ensureChromium } from './lib/ensure-chromium.mjs'
import { countReport, writeCounts } from './lib/vitest-counts.mjs'
import { workerFlag } from './lib/vitest-workers.mjs'

const report = 'test-results/vitest.json'
mkdirSync('test-results', { recursive: true })
console.log(`Node.js ${process.version}`)
ensureChromium()

const steps = [
  ['type check', 'pnpm', ['-s', 'typecheck']],
  ['lint', 'pnpm', ['-s', 'lint']],
  ['admin build', 'pnpm', ['-s', 'build']],
]
let failedSteps = 0
for (const [name, cmd, args] of steps) {
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' })
  if (status !== 0) {
    console.error(`\n${name} failed`)
    failedSteps += 1
  }
}

const vitest = spawnSync('pnpm', ['exec', 'vitest', 'run', workerFlag(), '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' })
const counts = countReport(report, failedSteps)
writeCounts('test-results/summary.json', counts)
if (counts.files === 0) console.error('vitest wrote no report')
console.log(`\n${failedSteps === 0 ? 'type check, lint and build ok; ' : ''}${counts.total} tests in ${counts.files} files on Node.js ${process.version}`)
console.log(`${counts.passed} passed, ${counts.failed} failed`)
process.exit(counts.failed > 0 || vitest.status !== 0 ? 1 : 0)

#!/usr/bin/env node
// `pnpm test`: every test of every package in one vitest run (after the type check, lint and the admin
// build the browser tests need), then the closing line CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { ensureChromium } from './lib/ensure-chromium.mjs'

const report = 'test-results/vitest.json'
mkdirSync('test-results', { recursive: true })
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

const vitest = spawnSync('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' })
if (!existsSync(report)) {
  console.error('vitest wrote no report')
  console.log(`0 passed, ${failedSteps + 1} failed`)
  process.exit(1)
}
const result = JSON.parse(readFileSync(report, 'utf8'))
// A test file that fails to load has no test results: count it as a failure too.
const brokenFiles = result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
const passed = result.numPassedTests
const failed = result.numFailedTests + brokenFiles + failedSteps
console.log(`\n${failedSteps === 0 ? 'type check, lint and build ok; ' : ''}${result.numTotalTests} tests in ${result.testResults.length} files`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0)

#!/usr/bin/env node
// The smoke run on the Node.js that runs this script (see scripts/smoke-node.sh): the build (turbo's
// cache bypassed, so it really builds on this release), the core suite and the points-membership
// suite on SQLite, and the admin browser walk. Counts go to test-results/smoke-node-<major>.json and
// into a closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { countReport, writeCounts } from './lib/vitest-counts.mjs'
import { workerFlag } from './lib/vitest-workers.mjs'

const major = process.versions.node.split('.')[0]
const report = `test-results/smoke-node-${major}.vitest.json`
mkdirSync('test-results', { recursive: true })
console.log(`\nSmoke run on Node.js ${process.version}`)

const env = { ...process.env, RAPPORT_TEST_POSTGRES: '0', RAPPORT_TEST_DIALECTS: 'sqlite' }
const build = spawnSync('pnpm', ['-s', 'turbo', 'run', 'build', '--force'], { stdio: 'inherit', env })
const failedSteps = build.status === 0 ? 0 : 1
if (failedSteps) console.error('\nbuild failed')

const suites = ['packages/core/', 'plugins/points-membership/', 'test/e2e/admin.e2e.test.ts']
const projects = ['@rapport/core', '@rapport/plugin-points-membership', '@rapport/test'].flatMap((p) => ['--project', p])
const vitest = spawnSync('pnpm', ['exec', 'vitest', 'run', workerFlag(), ...projects, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...suites], { stdio: 'inherit', env })
const counts = countReport(report, failedSteps)
writeCounts(`test-results/smoke-node-${major}.json`, counts)
console.log(`\n${counts.total} smoke tests in ${counts.files} files on Node.js ${process.version}`)
console.log(`${counts.passed} passed, ${counts.failed} failed`)
process.exit(counts.failed > 0 || vitest.status !== 0 ? 1 : 0)

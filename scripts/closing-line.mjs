#!/usr/bin/env node
// .ci/run's last line: adds up the counts files given (the whole suite, the smoke runs) into the one
// closing line CI reads, `N passed, N failed`. A missing file counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: its run did not finish`)
    failed += 1
    continue
  }
  const counts = JSON.parse(readFileSync(file, 'utf8'))
  passed += counts.passed
  failed += counts.failed
}
console.log(`\nAll runs together:\n${passed} passed, ${failed} failed`)

// The counts CI reads, from vitest's JSON report: a test file that fails to load has no test
// results, so it counts as one failure; `extraFailures` adds failed steps (type check, build, ...).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/**
 * Reads a vitest JSON report; a missing report is one failure.
 * @param {string} report path of the JSON report
 * @param {number} extraFailures failed steps outside vitest
 * @returns {{ passed: number, failed: number, total: number, files: number }}
 */
export function countReport(report, extraFailures = 0) {
  if (!existsSync(report)) return { passed: 0, failed: extraFailures + 1, total: 0, files: 0 }
  const result = JSON.parse(readFileSync(report, 'utf8'))
  const brokenFiles = result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
  return {
    passed: result.numPassedTests,
    failed: result.numFailedTests + brokenFiles + extraFailures,
    total: result.numTotalTests,
    files: result.testResults.length,
  }
}

/** Keeps the counts beside the report, for scripts/closing-line.mjs to add up. */
export function writeCounts(path, counts) {
  writeFileSync(path, `${JSON.stringify(counts)}\n`)
}

import { statSync } from 'node:fs'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Orders the whole run's files longest first, across projects, so the run ends with short files
 * filling both cores instead of one browser file running alone.
 *
 * Vitest's own order runs projects one after another by name, so `@rapport/test` (the browser files,
 * about a minute each) came last and left a core idle at the end. CI's fresh clone has no recorded
 * durations: browser files go first, then the rest largest first (the default's proxy for time).
 * Where an earlier run recorded every file's duration (a developer's machine), the durations decide.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const recorded = new Map(files.map((spec) => [spec, this.ctx.cache.getTestSpecificationResult(spec)?.duration]))
    if (files.every((spec) => recorded.get(spec) !== undefined)) {
      return [...files].sort((a, b) => (recorded.get(b) ?? 0) - (recorded.get(a) ?? 0))
    }
    const size = new Map(files.map((spec) => [spec, fileSize(spec.moduleId)]))
    return [...files].sort((a, b) => Number(isBrowserFile(b)) - Number(isBrowserFile(a)) || (size.get(b) ?? 0) - (size.get(a) ?? 0))
  }
}

function isBrowserFile(spec: TestSpecification) {
  return /[\\/]test[\\/]e2e[\\/]/.test(spec.moduleId)
}

function fileSize(path: string) {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

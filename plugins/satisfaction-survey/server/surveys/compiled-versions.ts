/**
 * @module
 * The compiled validator of each published version, built once and reused (a version never
 * changes, so its compiled form never goes stale). Bounded so old versions do not pile up.
 */
import { compileSurvey } from '../validation/index.js'
import type { Version } from './survey-store.js'

/** A compiled survey version. */
export type CompiledSurvey = ReturnType<typeof compileSurvey>

/** Compiled versions by version id. */
export type CompiledVersions = { of(version: Pick<Version, 'id' | 'json'>): CompiledSurvey }

/** @example const compiled = createCompiledVersions(); compiled.of(version).validate(answers) */
export function createCompiledVersions({ max = 500 }: { max?: number } = {}): CompiledVersions {
  const cache = new Map<string, CompiledSurvey>()
  return {
    of(version) {
      const hit = cache.get(version.id)
      if (hit) return hit
      // The JSON was checked when the draft was saved and again at publish.
      const compiled = compileSurvey(version.json as Parameters<typeof compileSurvey>[0])
      if (cache.size >= max) cache.delete(cache.keys().next().value as string)
      cache.set(version.id, compiled)
      return compiled
    },
  }
}

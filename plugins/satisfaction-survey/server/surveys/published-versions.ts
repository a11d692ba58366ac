/**
 * @module
 * Published versions by id, read once per process: a version row is only ever inserted, never
 * updated, so a cached copy never goes stale, and the answer path (which pins a version on every
 * request) skips the read and the parse of its JSON. Bounded so old versions do not pile up.
 * Callers must not mutate what they get.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { type Version, versionById } from './survey-store.js'

/** Published versions by id. */
export type PublishedVersions = { byId(q: Queryable, id: string): Promise<Version | undefined> }

/** @example const versions = createPublishedVersions(); const version = await versions.byId(ctx.db, invitation.versionId) */
export function createPublishedVersions({ max = 500 }: { max?: number } = {}): PublishedVersions {
  const cache = new Map<string, Version>()
  return {
    async byId(q, id) {
      const hit = cache.get(id)
      if (hit) return hit
      const version = await versionById(q, id)
      if (!version) return undefined
      if (cache.size >= max) cache.delete(cache.keys().next().value as string)
      cache.set(id, version)
      return version
    },
  }
}

/**
 * @module
 * The triggers of the published, open surveys, held per process for the order path: every
 * `order.completed` asks which surveys it triggers, and re-reading and parsing every published
 * survey per order cost about 3% of the loaded server's CPU. The list is re-read only when the
 * surveys' revision token moved (one primary-key read per event), so an edit, publish or archive
 * made by any process applies from the next event on. Callers must not mutate what they get.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { publishedTriggerRows, type Trigger } from './survey-store.js'
import { surveysRevision } from './survey-revision.js'

/** A published survey and its triggers for one event type. */
export type TriggeredSurvey = { surveyId: string; triggers: readonly Trigger[] }

/** Published surveys by the event type they trigger on. */
export type PublishedTriggers = { on(q: Queryable, type: string): Promise<readonly TriggeredSurvey[]> }

/** @example const triggers = createPublishedTriggers(); for (const s of await triggers.on(tx, 'order.completed')) … */
export function createPublishedTriggers(): PublishedTriggers {
  let held: { token: string | null; byType: Map<string, TriggeredSurvey[]> } | undefined
  return {
    async on(q, type) {
      // The token first: rows read after it are at least as new, so a list is never kept under a newer token than its own.
      const token = await surveysRevision(q)
      if (!held || held.token !== token) held = { token, byType: byType(await publishedTriggerRows(q)) }
      return held.byType.get(type) ?? []
    },
  }
}

function byType(rows: ReadonlyArray<{ surveyId: string; triggers: readonly Trigger[] }>): Map<string, TriggeredSurvey[]> {
  const map = new Map<string, TriggeredSurvey[]>()
  for (const { surveyId, triggers } of rows) {
    for (const type of new Set(triggers.map((t) => t.on))) {
      const list = map.get(type) ?? []
      list.push({ surveyId, triggers: triggers.filter((t) => t.on === type) })
      map.set(type, list)
    }
  }
  return map
}

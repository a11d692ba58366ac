/**
 * @module
 * A case as `GET /cases/{id}` shows it: the case, its allowed next statuses, messages and history.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { caseDetailSchema } from '../../shared/schemas.js'
import { caseHistory, caseMessages } from './case-log.js'
import type { Case } from './case-store.js'
import { next } from './workflow.js'

/** The response body. */
export type CaseView = z.infer<typeof caseDetailSchema>

/** `internal`: staff see internal notes and entries; customers do not. @example await caseView(ctx.db, found, true) */
export async function caseView(q: Queryable, found: Case, internal: boolean): Promise<CaseView> {
  return {
    ...found,
    allowedTransitions: [...next[found.status]],
    messages: await caseMessages(q, found.id, internal),
    history: await caseHistory(q, found.id, internal),
  }
}

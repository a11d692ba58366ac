/**
 * @module
 * A case as `GET /cases/{id}` shows it: the case, its allowed next statuses, messages, history,
 * SLA clocks, attachments and follow-up visits (the last three and internal entries for staff only,
 * except attachments, which the customer sees too).
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { caseDetailSchema } from '../../shared/schemas.js'
import { listAttachments } from '../attachments/attachment-store.js'
import type { ComplaintsConfig } from '../config.js'
import { caseFollowUps } from '../follow-ups/follow-up-store.js'
import { caseSla } from '../sla/case-sla.js'
import { caseHistory, caseMessages } from './case-log.js'
import { publicCase, type StoredCase } from './case-store.js'
import { caseTags } from './case-tags.js'
import { next } from './workflow.js'

/** The response body. */
export type CaseView = z.infer<typeof caseDetailSchema>

/** `internal`: staff see internal notes and entries; customers do not. @example await caseView(ctx.db, ctx.config, found, true, ctx.now()) */
export async function caseView(q: Queryable, config: ComplaintsConfig, found: StoredCase, internal: boolean, now: Date): Promise<CaseView> {
  const c = publicCase(found)
  return {
    ...c,
    ...(internal ? {} : { contact: null, assigneeId: null }),
    tags: internal ? await caseTags(q, found.id) : [],
    allowedTransitions: [...next[found.status]],
    messages: await caseMessages(q, found.id, internal),
    history: await caseHistory(q, found.id, internal),
    sla: internal ? await caseSla(q, config.sla, found, now) : null,
    attachments: await listAttachments(q, found.id),
    followUps: internal ? await caseFollowUps(q, found.id) : [],
  }
}

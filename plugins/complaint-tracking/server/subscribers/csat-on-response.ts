/**
 * @module
 * In-transaction subscriber of `survey.response.completed`: a CSAT score given for one of the
 * customer's cases is stored on the case, written to its history and mirrored as
 * `complaints.lastCsat`. Responses without a case or a score, or about another customer's case, are ignored.
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { recordHistory } from '../cases/case-log.js'
import { lockCase, saveCsat } from '../cases/case-store.js'
import { mirrorProfile } from '../cases/mirror-profile.js'
import type { ComplaintsConfig } from '../config.js'

type Completed = { csat?: unknown; caseId?: unknown; context?: { caseId?: unknown } }

/** @example ctx.on(SURVEY_RESPONSE_COMPLETED, csatOnResponse(ctx), { id: 'csat-on-response', phase: 'inTransaction' }) */
export const csatOnResponse = (ctx: PluginContext<ComplaintsConfig>) =>
  async function csatOnResponseEvent(event: RapportEvent, { tx }: SubscriberContext): Promise<void> {
    const p = event.payload as Completed
    const caseId = typeof p.caseId === 'string' ? p.caseId : typeof p.context?.caseId === 'string' ? p.context.caseId : undefined
    if (caseId === undefined || typeof p.csat !== 'number' || !Number.isFinite(p.csat) || event.customerId === null) return
    const found = await lockCase(tx, ctx, caseId)
    if (!found || found.customerId !== event.customerId) return
    await saveCsat(tx, caseId, p.csat, event.occurredAt)
    await recordHistory(tx, caseId, { action: 'csat', actor: `customer:${event.customerId}`, fromStatus: null, toStatus: null, at: event.occurredAt, details: { csat: p.csat, eventId: event.id } }, 'internal')
    await mirrorProfile(tx, ctx, event.customerId, { id: 'csat', eventSeq: event.seq })
  }

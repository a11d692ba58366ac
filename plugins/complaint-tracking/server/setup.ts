/**
 * @module
 * Mounts the routes, the survey and order subscribers, the SLA escalation and visit plan jobs on `ctx`. Registers only.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { ComplaintsConfig } from './config.js'
import { analyticsRoute } from './routes/analytics.js'
import { slaAnalyticsRoute } from './routes/sla-analytics.js'
import { complaintTextsRoute } from './routes/text-analytics.js'
import { addAttachmentsRoute, getAttachmentRoute } from './routes/attachments.js'
import { assignmentRoute } from './routes/assignment.js'
import { editCaseRoute } from './routes/case-edits.js'
import { bulkCasesRoute, mergeCaseRoute } from './routes/case-merge-bulk.js'
import { createCannedReplyRoute, deleteCannedReplyRoute, listCannedRepliesRoute, updateCannedReplyRoute } from './routes/canned-replies.js'
import { createViewRoute, deleteViewRoute, listViewsRoute } from './routes/saved-views.js'
import { createCaseRoute, getCaseRoute, listCasesRoute } from './routes/cases.js'
import { customerCaseListRoute, customerCaseRoute, customerReplyRoute } from './routes/customer-cases.js'
import { trackingReplyRoute, trackingRoute } from './routes/tracking.js'
import { createFollowUpRoute, getFollowUpRoute, listFollowUpsRoute, updateFollowUpRoute } from './routes/follow-ups.js'
import { followUpOutcomeRoute, visitAttemptRoute } from './routes/visit-attempts.js'
import { formInfoRoute, formRoute } from './routes/form.js'
import { holidayPreviewRoute } from './routes/holiday-previews.js'
import { importCasesRoute } from './imports/import-cases-route.js'
import { messageRoute } from './routes/messages.js'
import { transitionRoute } from './routes/transitions.js'
import { firstOrderVisits, planVisitsJob } from './follow-ups/visit-plans.js'
import { escalateSlaJob } from './sla/escalate-sla-job.js'
import { registerMessages } from './channels/register-messages.js'
import { csatOnResponse } from './subscribers/csat-on-response.js'
import { openCaseOnDetractor } from './subscribers/open-case-on-detractor.js'
import { SURVEY_DETRACTOR, SURVEY_RESPONSE_COMPLETED } from './subscribers/survey-events.js'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: PluginContext<ComplaintsConfig>): void {
  for (const route of [
    createCaseRoute, listCasesRoute, getCaseRoute, editCaseRoute, transitionRoute, messageRoute, assignmentRoute, addAttachmentsRoute, getAttachmentRoute,
    customerCaseRoute, customerCaseListRoute, customerReplyRoute, trackingRoute, trackingReplyRoute, formRoute, formInfoRoute, listFollowUpsRoute, followUpOutcomeRoute, analyticsRoute, importCasesRoute,
    getFollowUpRoute, createFollowUpRoute, updateFollowUpRoute, visitAttemptRoute, mergeCaseRoute, bulkCasesRoute,
    listCannedRepliesRoute, createCannedReplyRoute, updateCannedReplyRoute, deleteCannedReplyRoute, listViewsRoute, createViewRoute, deleteViewRoute, slaAnalyticsRoute,
    holidayPreviewRoute, complaintTextsRoute,
  ]) ctx.route(route(ctx))
  ctx.on(SURVEY_DETRACTOR, openCaseOnDetractor(ctx), { id: 'open-case-on-detractor', phase: 'inTransaction' })
  ctx.on(SURVEY_RESPONSE_COMPLETED, csatOnResponse(ctx), { id: 'csat-on-response', phase: 'inTransaction' })
  ctx.on('order.completed', firstOrderVisits(ctx), { id: 'first-order-visits', phase: 'inTransaction' })
  ctx.schedule('escalate-sla', '* * * * *', escalateSlaJob(ctx))
  registerMessages(ctx)
  ctx.schedule('plan-visits', '0 1 * * *', planVisitsJob(ctx))
}

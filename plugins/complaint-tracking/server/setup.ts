/**
 * @module
 * Mounts the routes, the survey subscribers and the SLA escalation job on `ctx`. Registers only.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { ComplaintsConfig } from './config.js'
import { analyticsRoute } from './routes/analytics.js'
import { addAttachmentsRoute, getAttachmentRoute } from './routes/attachments.js'
import { assignmentRoute } from './routes/assignment.js'
import { editCaseRoute } from './routes/case-edits.js'
import { createCaseRoute, getCaseRoute, listCasesRoute } from './routes/cases.js'
import { customerCaseRoute, customerReplyRoute } from './routes/customer-cases.js'
import { followUpOutcomeRoute, listFollowUpsRoute } from './routes/follow-ups.js'
import { formInfoRoute, formRoute } from './routes/form.js'
import { importCasesRoute } from './imports/import-cases-route.js'
import { messageRoute } from './routes/messages.js'
import { transitionRoute } from './routes/transitions.js'
import { escalateSlaJob } from './sla/escalate-sla-job.js'
import { csatOnResponse } from './subscribers/csat-on-response.js'
import { openCaseOnDetractor } from './subscribers/open-case-on-detractor.js'
import { SURVEY_DETRACTOR, SURVEY_RESPONSE_COMPLETED } from './subscribers/survey-events.js'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: PluginContext<ComplaintsConfig>): void {
  for (const route of [
    createCaseRoute, listCasesRoute, getCaseRoute, editCaseRoute, transitionRoute, messageRoute, assignmentRoute, addAttachmentsRoute, getAttachmentRoute,
    customerCaseRoute, customerReplyRoute, formRoute, formInfoRoute, listFollowUpsRoute, followUpOutcomeRoute, analyticsRoute, importCasesRoute,
  ]) ctx.route(route(ctx))
  ctx.on(SURVEY_DETRACTOR, openCaseOnDetractor(ctx), { id: 'open-case-on-detractor', phase: 'inTransaction' })
  ctx.on(SURVEY_RESPONSE_COMPLETED, csatOnResponse(ctx), { id: 'csat-on-response', phase: 'inTransaction' })
  ctx.schedule('escalate-sla', '* * * * *', escalateSlaJob(ctx))
}

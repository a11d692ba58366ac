/**
 * @module
 * Mounts routes, subscribers, the delivery-channel extension point and the invitations job on
 * `ctx`. Registers only; the caches of published versions, triggers and compiled validators, the group commit of
 * completions and the channel registry live in this closure.
 */
import { createGroupTx, type PluginContext } from '@rapport/plugin-sdk'
import { createChannelRegistry } from './channels/delivery-channel.js'
import { deliverInvitation } from './channels/deliver-invitation.js'
import { markInvitationSent } from './channels/mark-invitation-sent.js'
import { cancelReminder, planReminder } from './channels/plan-reminder.js'
import { getReminderRoute, putReminderRoute } from './channels/reminder-routes.js'
import { getLimitsRoute, putLimitsRoute } from './limits/limit-routes.js'
import { remindersJob } from './channels/reminders-job.js'
import { sendInvitation } from './channels/send-invitation.js'
import { webhookChannel } from './channels/webhook-channel.js'
import type { SurveyConfig } from './config.js'
import { scheduleOnEvent } from './distribution/schedule-on-event.js'
import { importResponsesRoute } from './imports/import-responses-route.js'
import { invitationsJob } from './jobs/invitations-job.js'
import { analyticsRoutes } from './routes/analytics.js'
import { exportRoutes } from './routes/exports.js'
import { embedCodeRoute } from './routes/embed-code.js'
import { createInvitationRoute, listInvitationsRoute, prefillInvitationRoute } from './routes/invitations.js'
import { publicChallengeRoute, publicFormRoute, publicResponseRoute } from './routes/public.js'
import { completeRoute, openFormRoute, savePartialRoute } from './routes/respond.js'
import { getResponseRoute, listResponsesRoute } from './routes/responses.js'
import {
  archiveSurveyRoute, createSurveyRoute, deleteSurveyRoute, editVersionRoute, getSurveyRoute, getVersionRoute, listSurveysRoute, listVersionsRoute,
  publishSurveyRoute, updateSurveyRoute,
} from './routes/surveys.js'
import { templatesRoute } from './routes/templates.js'
import { createCompiledVersions } from './surveys/compiled-versions.js'
import { createPublishedTriggers } from './surveys/published-triggers.js'
import { createPublishedVersions } from './surveys/published-versions.js'

/** @example definePlugin({ ..., setup }) */
export function setup(ctx: PluginContext<SurveyConfig>): void {
  const compiled = createCompiledVersions()
  const versions = createPublishedVersions()
  const groupTx = createGroupTx(ctx.db)
  const triggers = createPublishedTriggers()
  const deps = Object.assign(Object.create(ctx) as PluginContext<SurveyConfig>, { compiled, versions, groupTx, triggers })
  const channels = createChannelRegistry([webhookChannel])
  ctx.provide('satisfaction.channels', { register: (channel) => channels.register(channel) })

  for (const route of [
    createSurveyRoute, listSurveysRoute, getSurveyRoute, updateSurveyRoute, deleteSurveyRoute, archiveSurveyRoute,
    publishSurveyRoute, listVersionsRoute, getVersionRoute, editVersionRoute, createInvitationRoute, listInvitationsRoute, prefillInvitationRoute,
    listResponsesRoute, getResponseRoute, embedCodeRoute,
  ]) ctx.route(route(ctx))
  ctx.route(templatesRoute())
  for (const route of [openFormRoute, savePartialRoute, completeRoute, publicFormRoute, publicChallengeRoute, publicResponseRoute]) ctx.route(route(deps))
  for (const route of [...analyticsRoutes(deps), ...exportRoutes(deps), importResponsesRoute(deps)]) ctx.route(route)

  ctx.on('order.completed', scheduleOnEvent(deps, 'order.completed'), { id: 'trigger:order.completed', phase: 'inTransaction' })
  ctx.on('complaint.resolved', scheduleOnEvent(deps, 'complaint.resolved'), { id: 'trigger:complaint.resolved', phase: 'inTransaction' })
  ctx.on('survey.invitation.created', sendInvitation(ctx, channels), { id: 'send-invitation', phase: 'afterCommit', maxAttempts: 8 })
  ctx.on('survey.invitation.created', deliverInvitation(ctx), { id: 'deliver-invitation', phase: 'inTransaction' })
  ctx.on('message.sent', markInvitationSent(ctx.name), { id: 'mark-invitation-sent', phase: 'inTransaction' })
  ctx.schedule('invitations', '*/10 * * * *', invitationsJob(ctx))
  ctx.route(getReminderRoute(ctx))
  ctx.route(putReminderRoute(ctx))
  ctx.route(getLimitsRoute(ctx))
  ctx.route(putLimitsRoute(ctx))
  ctx.on('survey.invitation.created', planReminder, { id: 'plan-reminder', phase: 'inTransaction' })
  ctx.on('survey.response.completed', cancelReminder, { id: 'cancel-reminder', phase: 'inTransaction' })
  ctx.schedule('reminders', '*/10 * * * *', remindersJob(ctx))
}

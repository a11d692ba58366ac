/**
 * @module
 * A survey's reminder setting, part of its distribution: `GET /surveys/{id}/reminder` (staff read)
 * shows it with how many reminders are pending, sent and cancelled; `PUT /surveys/{id}/reminder`
 * (admins) sets `afterDays` (a reminder to invitations still unanswered after that many days, one
 * at most) or turns it off with null. Invitations created from then on are planned with it.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { idParams } from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import { surveyErrors } from '../errors.js'
import { findSurvey } from '../surveys/survey-store.js'

/** `PUT /surveys/{id}/reminder`. */
export const reminderRequest = z.strictObject({ afterDays: z.int().min(1).max(60).nullable() }).openapi('SurveyReminderRequest')
/** A survey's reminder setting and its reminders so far. */
export const reminderSchema = z.object({ afterDays: z.int().nullable(), pending: z.int(), sent: z.int(), cancelled: z.int() }).openapi('SurveyReminder')

async function view(ctx: Pick<PluginContext<SurveyConfig>, 'db'>, surveyId: string) {
  const setting = await ctx.db.get<{ after_days: number }>('SELECT after_days FROM satisfaction_reminder_settings WHERE survey_id = ?', [surveyId])
  const counts = new Map((await ctx.db.all<{ state: string; n: number | string }>('SELECT state, COUNT(*) AS n FROM satisfaction_invitation_reminders WHERE survey_id = ? GROUP BY state', [surveyId])).map((r) => [r.state, Number(r.n)]))
  return { afterDays: setting ? Number(setting.after_days) : null, pending: counts.get('pending') ?? 0, sent: counts.get('sent') ?? 0, cancelled: counts.get('cancelled') ?? 0 }
}

async function requireSurvey(ctx: Pick<PluginContext<SurveyConfig>, 'db'>, id: string): Promise<void> {
  if (!(await findSurvey(ctx.db, id))) throw surveyErrors.NOT_FOUND({ surveyId: id })
}

/** @example ctx.route(getReminderRoute(ctx)) */
export const getReminderRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/surveys/{id}/reminder', access: policies.staffRead('customers:read'), summary: "The survey's reminder setting and its reminders so far",
    request: { params: idParams }, responses: { 200: jsonResponse(reminderSchema, 'The setting'), 404: jsonResponse(errorBody, 'No such survey'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    await requireSurvey(ctx, id)
    return c.json(await view(ctx, id), 200)
  },
)

/** @example ctx.route(putReminderRoute(ctx)) */
export const putReminderRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'put', path: '/surveys/{id}/reminder', access: policies.admins, summary: 'Remind invitations still unanswered after N days (once), or turn reminders off',
    request: { params: idParams, body: jsonBody(reminderRequest) }, responses: { 200: jsonResponse(reminderSchema, 'The setting'), 404: jsonResponse(errorBody, 'No such survey'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const { afterDays } = c.req.valid('json')
    await requireSurvey(ctx, id)
    await ctx.db.tx(async (tx) => {
      if (afterDays === null) await tx.run('DELETE FROM satisfaction_reminder_settings WHERE survey_id = ?', [id])
      else await tx.run('INSERT INTO satisfaction_reminder_settings (survey_id, after_days, updated_at) VALUES (?, ?, ?) ON CONFLICT (survey_id) DO UPDATE SET after_days = excluded.after_days, updated_at = excluded.updated_at', [id, afterDays, ctx.now().toISOString()])
    })
    return c.json(await view(ctx, id), 200)
  },
)

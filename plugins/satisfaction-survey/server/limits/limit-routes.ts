/**
 * @module
 * A survey's response limits: `GET /surveys/{id}/limits` (staff read) shows the settings with the
 * counts so far; `PUT /surveys/{id}/limits` (admins) sets caps, sampling and quotas (null turns
 * them all off). An answer quota must name a question of the draft (422 SURVEY_LIMITS_INVALID).
 * Saving recounts the cells from the completed responses.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, type PluginContext, type PluginRoute, policies } from '@rapport/plugin-sdk'
import { type SurveyLimits, surveyLimitsSchema, surveyLimitsView } from '../../shared/limit-schemas.js'
import { idParams } from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import { surveyErrors } from '../errors.js'
import { findSurvey } from '../surveys/survey-store.js'
import { walkElements } from '../validation/walk-elements.js'
import { dayOf } from './limit-cells.js'
import { readLimits, saveLimits } from './limit-store.js'

type Deps = Pick<PluginContext<SurveyConfig>, 'db' | 'now' | 'timeZone'>

const NONE: SurveyLimits = { maxResponses: null, maxPerDay: null, samplePercent: null, quotas: [] }

async function view(ctx: Deps, surveyId: string) {
  const limits = (await readLimits(ctx.db, surveyId)) ?? NONE
  const rows = await ctx.db.all<{ cell: string; n: number | string }>('SELECT cell, n FROM satisfaction_limit_counts WHERE survey_id = ? ORDER BY cell', [surveyId])
  const n = new Map(rows.map((r) => [r.cell, Number(r.n)]))
  const quotas = rows.flatMap((r) => {
    const m = /^quota:(\d+):(.*)$/s.exec(r.cell)
    const q = m ? limits.quotas[Number(m[1])] : undefined
    return q && m ? [{ source: q.source, key: q.key, value: m[2]!, count: Number(r.n), max: q.maxByValue[m[2]!] ?? q.max }] : []
  })
  return { ...limits, counts: { total: n.get('total') ?? 0, today: n.get(`day:${dayOf(ctx.now(), ctx.timeZone)}`) ?? 0, quotas } }
}

async function requireSurvey(ctx: Deps, id: string) {
  const survey = await findSurvey(ctx.db, id)
  if (!survey) throw surveyErrors.NOT_FOUND({ surveyId: id })
  return survey
}

/** @example ctx.route(getLimitsRoute(ctx)) */
export const getLimitsRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/surveys/{id}/limits', access: policies.staffRead('customers:read'), summary: "The survey's caps, sampling and quotas, with the responses counted so far",
    request: { params: idParams }, responses: { 200: jsonResponse(surveyLimitsView, 'The limits'), 404: jsonResponse(errorBody, 'No such survey'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    await requireSurvey(ctx, id)
    return c.json(await view(ctx, id), 200)
  },
)

/** @example ctx.route(putLimitsRoute(ctx)) */
export const putLimitsRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'put', path: '/surveys/{id}/limits', access: policies.admins, summary: 'Set the survey’s caps (in total, per day), sampling (percent of customers) and quotas',
    request: { params: idParams, body: jsonBody(surveyLimitsSchema) },
    responses: { 200: jsonResponse(surveyLimitsView, 'The limits'), 404: jsonResponse(errorBody, 'No such survey'), 422: jsonResponse(errorBody, 'A quota names no question of the survey'), ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const limits = c.req.valid('json')
    const survey = await requireSurvey(ctx, id)
    const names = new Set(walkElements(survey.json).map((e) => e.element.name).filter((n): n is string => typeof n === 'string'))
    for (const q of limits.quotas) if (q.source === 'answer' && !names.has(q.key)) throw surveyErrors.LIMITS_INVALID({ key: q.key, reason: 'no question of the survey has this name' })
    const off = limits.maxResponses === null && limits.maxPerDay === null && limits.samplePercent === null && limits.quotas.length === 0
    await ctx.db.tx((tx) => saveLimits(tx, id, off ? null : limits, ctx.now(), ctx.timeZone))
    return c.json(await view(ctx, id), 200)
  },
)

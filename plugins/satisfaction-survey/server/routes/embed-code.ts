/**
 * @module
 * `GET /surveys/{id}/embed-code?question=nps|csat`: what the admin needs to offer the widget's
 * code, or a coded refusal saying why this survey cannot be embedded (the admin shows the reason
 * instead of a code whose every click would fail).
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import { idParams } from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import { embedCheck, embedScales, type EmbedScale } from '../distribution/embed-check.js'
import { surveyErrors } from '../errors.js'
import { findSurvey, findVersion } from '../surveys/survey-store.js'

/** The widget's script, served by the plugin's pages. */
const SCRIPT_PATH = '/s/embed.js'

const embedCodeSchema = z.object({
  surveyId: z.string(), question: z.enum(['nps', 'csat']), questionName: z.string(),
  /** Prefix with the server's public origin. */
  scriptPath: z.string(),
  /** The `data-*` attributes of the script tag. */
  attributes: z.object({ 'data-survey': z.string(), 'data-question': z.enum(['nps', 'csat']) }),
}).openapi('SurveyEmbedCode')

/** @example ctx.route(embedCodeRoute(ctx)) */
export const embedCodeRoute = (ctx: PluginContext<SurveyConfig>): PluginRoute => defineRoute(
  {
    method: 'get', path: '/surveys/{id}/embed-code', access: policies.staffRead('customers:read'),
    summary: "The embed widget's script tag for a survey, or why the survey cannot be embedded",
    request: { params: idParams, query: z.object({ question: z.enum(Object.keys(embedScales) as [EmbedScale, ...EmbedScale[]]).default('nps') }) },
    responses: {
      200: jsonResponse(embedCodeSchema, 'The script tag parts'), 404: jsonResponse(errorBody, 'No such survey'),
      409: jsonResponse(errorBody, 'Not published, or not embeddable (SURVEY_EMBED_UNSUITABLE, details.reason and details.questions)'), ...commonErrors,
    },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const { question } = c.req.valid('query')
    const survey = await findSurvey(ctx.db, id)
    if (!survey) throw surveyErrors.NOT_FOUND({ surveyId: id })
    const version = survey.latestVersion === null ? undefined : await findVersion(ctx.db, id, survey.latestVersion)
    const { questionName } = embedCheck(survey, version, question)
    return c.json({ surveyId: id, question, questionName, scriptPath: SCRIPT_PATH, attributes: { 'data-survey': survey.publicToken!, 'data-question': question } }, 200)
  },
)

/**
 * @module
 * `POST /imports/responses`: past survey responses from a CSV (`text/csv`) or JSON rows
 * (`{ "rows": [...] }`), checked and reported as the order import is (`POST /api/v1/imports/orders`),
 * by owners, admins and API keys with `imports:write`, as core's imports are.
 */
import {
  defineRoute, errorBody, IMPORT_ACCESS, IMPORT_MODE_NOTE, importErrors, importModeQuery, importRows, jsonResponse, type PluginContext, type PluginRoute,
  ROW_IMPORT_BODY_LIMIT_BYTES, rowImportBody, rowImportResponses, rowSourceOf, z,
} from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { surveyErrors } from '../errors.js'
import type { AnswerDeps } from '../responses/answer-deps.js'
import { responseRows } from './response-rows.js'
import { createSurveyResolver } from './survey-resolver.js'

/** @example ctx.route(importResponsesRoute(deps)) */
export const importResponsesRoute = (deps: PluginContext<SurveyConfig> & AnswerDeps): PluginRoute => defineRoute(
  {
    method: 'post', path: '/imports/responses', access: IMPORT_ACCESS, bodyLimitBytes: ROW_IMPORT_BODY_LIMIT_BYTES,
    summary: 'Import past survey responses (CSV or JSON rows) on their own dates',
    description: [
      'Columns: `responseId` (the idempotency key), `answeredAt` (ISO-8601 with offset), `customerExternalId` or `customerEmail`, `surveyId` (id or exact name; or `?survey=`), optional `version` (default: the latest published) and `locale`, and one `answers.<question>` column per question answered.',
      'Each row is checked by the live validator; a stored row emits `survey.response.completed` (and `survey.detractor`) at its `answeredAt`.',
      IMPORT_MODE_NOTE,
    ].join('\n\n'),
    request: {
      query: z.strictObject({ ...importModeQuery, survey: z.string().min(1).max(200).optional() }),
      body: rowImportBody,
    },
    responses: { ...rowImportResponses, 404: jsonResponse(errorBody, 'The `survey` query names no survey') },
  },
  async (c) => {
    const { mode, survey } = c.req.valid('query')
    if (survey !== undefined && !(await createSurveyResolver(deps.db).surveyOf(survey))) throw surveyErrors.NOT_FOUND({ surveyId: survey })
    const report = await importRows(deps.db, responseRows(deps, survey), rowSourceOf(c), {
      mode,
      audit: (tx, r) => deps.audit({
        caller: c.get('caller'), action: 'satisfaction.responses-imported', targetType: 'import', targetId: 'responses', requestId: c.get('requestId'),
        details: { mode, rows: r.rows, imported: r.imported, duplicates: r.duplicates, invalid: r.invalid.length },
      }, tx),
    })
    if (!report.committed) throw importErrors.INVALID_ROWS(report)
    return c.json(report, 200)
  },
)

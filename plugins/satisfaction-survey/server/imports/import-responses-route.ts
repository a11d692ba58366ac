/**
 * @module
 * `POST /imports/responses`: past survey responses from a CSV (`text/csv`) or JSON rows
 * (`{ "rows": [...] }`), checked and reported as the order import is (`POST /api/v1/imports/orders`),
 * by owners, admins and API keys with `imports:write`, as core's imports are.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import {
  type Access, commonErrors, defineRoute, errorBody, IMPORT_MODES, importErrors, importRows, jsonResponse, type PluginContext, type PluginRoute,
  rowImportReportSchema, z,
} from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { surveyErrors } from '../errors.js'
import type { AnswerDeps } from '../responses/answer-deps.js'
import { responseRows } from './response-rows.js'
import { createSurveyResolver } from './survey-resolver.js'

/** Who may import history: core's import policy. */
export const importAccess: Access = { roles: ['owner', 'admin'], scope: 'imports:write' }
/** Largest body: 50 MiB, as core's imports. */
const BODY_LIMIT_BYTES = 50 * 1024 * 1024
/** Most JSON rows in one request (a larger history goes as CSV). */
const MAX_JSON_ROWS = 10_000

const rowsBody = z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_JSON_ROWS) })

/** @example ctx.route(importResponsesRoute(deps)) */
export const importResponsesRoute = (deps: PluginContext<SurveyConfig> & AnswerDeps): PluginRoute => defineRoute(
  {
    method: 'post', path: '/imports/responses', access: importAccess, bodyLimitBytes: BODY_LIMIT_BYTES,
    summary: 'Import past survey responses (CSV or JSON rows) on their own dates',
    description: [
      'Columns: `responseId` (the idempotency key), `answeredAt` (ISO-8601 with offset), `customerExternalId` or `customerEmail`, `surveyId` (id or exact name; or `?survey=`), optional `version` (default: the latest published) and `locale`, and one `answers.<question>` column per question answered.',
      'Each row is checked by the live validator; a stored row emits `survey.response.completed` (and `survey.detractor`) at its `answeredAt`.',
      '`mode=all-or-nothing` (default): any invalid row and nothing is written (422 IMPORT_INVALID_ROWS, the report in `details`). `mode=valid-only`: valid rows are written, invalid ones listed.',
    ].join('\n\n'),
    request: {
      query: z.strictObject({ mode: z.enum(IMPORT_MODES).default('all-or-nothing'), survey: z.string().min(1).max(200).optional() }),
      body: { content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) }, 'application/json': { schema: rowsBody } }, required: false },
    },
    responses: {
      200: jsonResponse(rowImportReportSchema, 'Imported; the report counts rows, duplicates and invalid rows with coded errors by column'),
      404: jsonResponse(errorBody, 'The `survey` query names no survey'),
      413: jsonResponse(errorBody, 'Body over 50 MiB'),
      415: jsonResponse(errorBody, 'Neither text/csv nor application/json'),
      422: jsonResponse(errorBody, 'IMPORT_MISSING_COLUMNS, IMPORT_UNKNOWN_COLUMNS, IMPORT_DUPLICATE_COLUMNS, or IMPORT_INVALID_ROWS with the report in details'),
      ...commonErrors,
    },
  },
  async (c) => {
    // The body is optional to the validator only so that a CSV body skips the JSON schema: an empty body is a CSV without a header (IMPORT_MISSING_COLUMNS).
    const { mode, survey } = c.req.valid('query')
    if (survey !== undefined && !(await createSurveyResolver(deps.db).surveyOf(survey))) throw surveyErrors.NOT_FOUND({ surveyId: survey })
    const json = (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')
    const body = c.req.raw.body
    const source = json ? { rows: (c.req.valid('json') as z.infer<typeof rowsBody>).rows } : { csv: body ? Readable.fromWeb(body as unknown as WebReadableStream) : '' }
    const report = await importRows(deps.db, responseRows(deps, survey), source, {
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

/**
 * @module
 * `GET /exports/responses.csv` and `GET /exports/responses.xlsx`: a survey's responses streamed
 * to the client in keyset pages. A bulk export of personal data (customer ids, answers written in
 * the customer's own words, hidden fields): core's `policies.personalDataExport` (owners and
 * admins), each export recorded in the audit log with its row count, like a segment's CSV.
 */
import { commonErrors, defineRoute, errorBody, jsonResponse, type PluginRoute, policies, z } from '@rapport/plugin-sdk'
import { analyticsFilter, analyticsScope, checkedFilter } from '../analytics/analytics-scope.js'
import { surveyLayout } from '../analytics/survey-questions.js'
import { csvStream } from '../exports/csv-stream.js'
import { type Cell, exportLayout } from '../exports/export-columns.js'
import { countResponses, responsePages } from '../exports/response-pages.js'
import { xlsxStream } from '../exports/xlsx-stream.js'
import type { AnalyticsDeps } from './analytics-deps.js'

const exportQuery = checkedFilter(analyticsFilter.extend({
  surveyId: z.string().min(1).max(64),
  status: z.enum(['completed', 'partial']).default('completed'),
}))

const FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8', description: 'CSV (UTF-8 with BOM), streamed' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'An XLSX workbook, streamed' },
} as const

/** @example for (const route of exportRoutes(deps)) ctx.route(route) */
export function exportRoutes(deps: AnalyticsDeps): PluginRoute[] {
  return (Object.keys(FORMATS) as Array<keyof typeof FORMATS>).map((format) => defineRoute({
    method: 'get', path: `/exports/responses.${format}`, access: policies.personalDataExport,
    summary: `A survey's responses as ${format.toUpperCase()}, streamed`,
    request: { query: exportQuery },
    responses: { 200: { description: FORMATS[format].description }, 404: jsonResponse(errorBody, 'No such survey or version'), ...commonErrors },
  }, async (c) => {
    const query = c.req.valid('query')
    // Everything that can refuse the request runs before the first byte is sent.
    const layout = await surveyLayout(deps.db, deps.compiled, query.surveyId, query.version)
    const columns = exportLayout(layout.allQuestions, layout.otherTextKeys)
    const scope = analyticsScope(query, deps.now(), { openEnded: true })
    // Recorded before the first byte, with the responses counted now: no export leaves unrecorded.
    const rows = await countResponses(deps.db, scope, query.status)
    await deps.audit({
      caller: c.get('caller'), action: 'satisfaction.responses-exported', targetType: 'survey', targetId: query.surveyId,
      details: { format, status: query.status, rows }, requestId: c.get('requestId'),
    })
    const pages = (async function* cellPages(): AsyncGenerator<Cell[][]> {
      for await (const rows of responsePages(deps.db, scope, query.status)) yield rows.map(columns.cells)
    })()
    const body = format === 'csv'
      ? csvStream(columns.header, pages)
      : xlsxStream(columns.header, pages, (err) => deps.log.error({ err, surveyId: query.surveyId }, 'xlsx export failed'))
    return c.body(body, 200, {
      'content-type': FORMATS[format].contentType,
      'content-disposition': `attachment; filename="responses-${query.surveyId.replace(/[^\w-]/g, '')}.${format}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
  }))
}

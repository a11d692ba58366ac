/**
 * @module
 * `POST /imports/cases`: past complaint cases from a CSV (`text/csv`) or JSON rows (`{ "rows": [...] }`),
 * checked and reported as the order import is (`POST /api/v1/imports/orders`), by owners, admins and
 * API keys with `imports:write`, as core's imports are.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import {
  type Access, commonErrors, defineRoute, errorBody, IMPORT_MODES, importErrors, importRows, jsonResponse, type PluginContext, type PluginRoute,
  rowImportReportSchema, z,
} from '@rapport/plugin-sdk'
import { actorOf } from '../cases/actor-of.js'
import type { ComplaintsConfig } from '../config.js'
import { caseRows } from './case-rows.js'

/** Who may import history: core's import policy. */
const importAccess: Access = { roles: ['owner', 'admin'], scope: 'imports:write' }
const rowsBody = z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000) })

/** @example ctx.route(importCasesRoute(ctx)) */
export const importCasesRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/imports/cases', access: importAccess, bodyLimitBytes: 50 * 1024 * 1024,
    summary: 'Import past complaint cases (CSV or JSON rows) on their own dates',
    description: [
      'Columns: `caseId` (the idempotency key), `customerExternalId` or `customerEmail`, `openedAt`, `category`, `status` (`new`, `open`, `resolved`, `closed`), `subject` and/or `description`; optional `priority`, `channel`, `orderRef`, `firstResponseAt`, and for resolved or closed cases `resolvedAt`, `resolutionCode`, `resolutionSummary`, `closedAt`. Times are ISO-8601 with offset.',
      'Each case is replayed on its own dates: history, SLA clocks and outcomes, `complaint.opened` and `complaint.resolved` carry those times.',
      '`mode=all-or-nothing` (default): any invalid row and nothing is written (422 IMPORT_INVALID_ROWS, the report in `details`). `mode=valid-only`: valid rows are written, invalid ones listed.',
    ].join('\n\n'),
    request: {
      query: z.strictObject({ mode: z.enum(IMPORT_MODES).default('all-or-nothing') }),
      // Optional to the validator only so that a CSV body skips the JSON schema; an empty body is a CSV without a header.
      body: { content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) }, 'application/json': { schema: rowsBody } }, required: false },
    },
    responses: {
      200: jsonResponse(rowImportReportSchema, 'Imported; the report counts rows, duplicates and invalid rows with coded errors by column'),
      413: jsonResponse(errorBody, 'Body over 50 MiB'),
      415: jsonResponse(errorBody, 'Neither text/csv nor application/json'),
      422: jsonResponse(errorBody, 'IMPORT_MISSING_COLUMNS, IMPORT_UNKNOWN_COLUMNS, IMPORT_DUPLICATE_COLUMNS, or IMPORT_INVALID_ROWS with the report in details'),
      ...commonErrors,
    },
  },
  async (c) => {
    const { mode } = c.req.valid('query')
    const json = (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')
    const body = c.req.raw.body
    const source = json ? { rows: (c.req.valid('json') as z.infer<typeof rowsBody>).rows } : { csv: body ? Readable.fromWeb(body as unknown as WebReadableStream) : '' }
    const report = await importRows(ctx.db, caseRows(ctx, actorOf(c.get('caller'))), source, {
      mode,
      audit: (tx, r) => ctx.audit({
        caller: c.get('caller'), action: 'complaints.cases-imported', targetType: 'import', targetId: 'cases', requestId: c.get('requestId'),
        details: { mode, rows: r.rows, imported: r.imported, duplicates: r.duplicates, invalid: r.invalid.length },
      }, tx),
    })
    if (!report.committed) throw importErrors.INVALID_ROWS(report)
    return c.json(report, 200)
  },
)

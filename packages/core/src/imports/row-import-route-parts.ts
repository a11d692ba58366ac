/**
 * @module
 * What every plugin history-import route (`POST /imports/responses`, `POST /imports/cases`) shares
 * with core's imports: who may call it, the body (a CSV or JSON rows), the answers, and reading
 * the request's rows. Each plugin route keeps only its path, its columns and its audit action.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { z } from '@hono/zod-openapi'
import type { Access } from '../http/access.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import { IMPORT_MODES } from './import-report.js'
import { type RowSource, rowImportReportSchema } from './import-rows.js'

/** Who may import history: core's import policy. */
export const IMPORT_ACCESS: Access = { roles: ['owner', 'admin'], scope: 'imports:write' }

/** Largest import body: 50 MiB, as core's imports. */
export const ROW_IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024

/** Most JSON rows in one request (a larger history goes as CSV). */
const MAX_JSON_ROWS = 10_000
const rowsBody = z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_JSON_ROWS) })

/** The `mode` query and the paragraph that explains it. */
export const importModeQuery = { mode: z.enum(IMPORT_MODES).default('all-or-nothing') }
export const IMPORT_MODE_NOTE = '`mode=all-or-nothing` (default): any invalid row and nothing is written (422 IMPORT_INVALID_ROWS, the report in `details`). `mode=valid-only`: valid rows are written, invalid ones listed.'

/**
 * The request body: `text/csv`, or `application/json` `{ "rows": [...] }`. Optional to the
 * validator only so that a CSV body skips the JSON schema: an empty body is a CSV without a header
 * (IMPORT_MISSING_COLUMNS).
 */
export const rowImportBody = {
  content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) }, 'application/json': { schema: rowsBody } },
  required: false,
}

/** The answers of an import route; a route adds its own (e.g. 404 for a named survey). */
export const rowImportResponses = {
  200: jsonResponse(rowImportReportSchema, 'Imported; the report counts rows, duplicates and invalid rows with coded errors by column'),
  413: jsonResponse(errorBody, 'Body over 50 MiB'),
  415: jsonResponse(errorBody, 'Neither text/csv nor application/json'),
  422: jsonResponse(errorBody, 'IMPORT_MISSING_COLUMNS, IMPORT_UNKNOWN_COLUMNS, IMPORT_DUPLICATE_COLUMNS, or IMPORT_INVALID_ROWS with the report in details'),
  ...commonErrors,
}

type ImportRequest = { req: { raw: Request; header(name: string): string | undefined; valid(target: 'json'): unknown } }

/**
 * The rows of an import request: the validated JSON rows, or the CSV body streamed to the parser.
 * @example const report = await importRows(ctx.db, caseRows(ctx, actor), rowSourceOf(c), { mode })
 */
export function rowSourceOf(c: ImportRequest): RowSource {
  const json = (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')
  if (json) return { rows: (c.req.valid('json') as z.infer<typeof rowsBody>).rows }
  const body = c.req.raw.body
  return { csv: body ? Readable.fromWeb(body as unknown as WebReadableStream) : '' }
}

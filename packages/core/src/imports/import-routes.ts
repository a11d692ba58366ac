/**
 * @module
 * `POST /api/v1/imports/customers` and `POST /api/v1/imports/orders`: a `text/csv` body, imported
 * by {@link importCsv}. The body is streamed to the parser.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { z } from '@hono/zod-openapi'
import { importErrors } from '../errors/index.js'
import type { Access } from '../http/access.js'
import { defineRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { importCsv } from './import-csv.js'
import { IMPORT_MODES, importReportSchema, type ImportKind } from './import-report.js'

/** Largest CSV body: 50 MiB. @example defineRoute({ bodyLimitBytes: IMPORT_BODY_LIMIT_BYTES, ... }) */
export const IMPORT_BODY_LIMIT_BYTES = 50 * 1024 * 1024

const importAccess: Access = { roles: ['owner', 'admin'], scope: 'imports:write' }

const columnsOf: Record<ImportKind, string> = {
  customers: '`externalId` (required), `name`, `email`, `phone`, `birthday`, `locale`, `timeZone` and any `attributes.<key>`. A row whose externalId exists updates that customer (counted as a duplicate); empty cells leave fields as they are.',
  orders: '`orderId`, `customerExternalId`, `amountMinor` or `amount` (decimal, e.g. `129.00`), `currency`, `occurredAt` (ISO-8601 with offset) are required; `id` (default `order.completed:<orderId>`) and `channel` are optional. Each row is an `order.completed` event; a repeated id is a duplicate.',
}

function importRoute(s: CoreServices, kind: ImportKind) {
  return defineRoute(
    {
      method: 'post', path: `/api/v1/imports/${kind}`, access: importAccess, bodyLimitBytes: IMPORT_BODY_LIMIT_BYTES,
      tags: ['imports'], summary: `Import ${kind} from a CSV`,
      description: [
        `A CSV with a header row. Columns: ${columnsOf[kind]}`,
        '`mode=all-or-nothing` (default): any invalid row and nothing is written (422 IMPORT_INVALID_ROWS, the report in `details`); otherwise all rows are written in one transaction.',
        '`mode=valid-only`: valid rows are written, invalid ones listed in the report.',
      ].join('\n\n'),
      request: {
        query: z.strictObject({ mode: z.enum(IMPORT_MODES).default('all-or-nothing') }),
        body: { content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
      },
      responses: {
        200: jsonResponse(importReportSchema, 'Imported; the report counts rows, duplicates and invalid rows'),
        413: jsonResponse(errorBody, 'Body over 50 MiB'),
        415: jsonResponse(errorBody, 'Not text/csv'),
        422: jsonResponse(errorBody, 'IMPORT_MISSING_COLUMNS, IMPORT_UNKNOWN_COLUMNS, IMPORT_DUPLICATE_COLUMNS, or IMPORT_INVALID_ROWS with the report in details'),
        ...commonErrors,
      },
    },
    async (c) => {
      const { mode } = c.req.valid('query')
      const body = c.req.raw.body
      const csv = body ? Readable.fromWeb(body as unknown as WebReadableStream) : ''
      const report = await importCsv(s, kind, csv, { mode, caller: c.get('caller'), requestId: c.get('requestId') })
      if (!report.committed) throw importErrors.INVALID_ROWS(report)
      return c.json(report, 200)
    },
  )
}

/** Import routes: one per kind. @example const routes = [...importRoutes(s)] */
export function importRoutes(s: CoreServices) {
  return [importRoute(s, 'customers'), importRoute(s, 'orders')]
}

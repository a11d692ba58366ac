/**
 * @module
 * `POST /imports/cases`: past complaint cases from a CSV (`text/csv`) or JSON rows (`{ "rows": [...] }`),
 * checked and reported as the order import is (`POST /api/v1/imports/orders`), by owners, admins and
 * API keys with `imports:write`, as core's imports are.
 */
import {
  defineRoute, IMPORT_ACCESS, IMPORT_MODE_NOTE, importErrors, importModeQuery, importRows, type PluginContext, type PluginRoute,
  ROW_IMPORT_BODY_LIMIT_BYTES, rowImportBody, rowImportResponses, rowSourceOf, z,
} from '@rapport/plugin-sdk'
import { actorOf } from '../cases/actor-of.js'
import type { ComplaintsConfig } from '../config.js'
import { caseRows } from './case-rows.js'

/** @example ctx.route(importCasesRoute(ctx)) */
export const importCasesRoute = (ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/imports/cases', access: IMPORT_ACCESS, bodyLimitBytes: ROW_IMPORT_BODY_LIMIT_BYTES,
    summary: 'Import past complaint cases (CSV or JSON rows) on their own dates',
    description: [
      'Columns: `caseId` (the idempotency key), `customerExternalId` or `customerEmail`, `openedAt`, `category`, `status` (`new`, `open`, `resolved`, `closed`), `subject` and/or `description`; optional `priority`, `channel`, `orderRef`, `firstResponseAt`, and for resolved or closed cases `resolvedAt`, `resolutionCode`, `resolutionSummary`, `closedAt`. Times are ISO-8601 with offset.',
      'Each case is replayed on its own dates: history, SLA clocks and outcomes, `complaint.opened` and `complaint.resolved` carry those times.',
      IMPORT_MODE_NOTE,
    ].join('\n\n'),
    request: { query: z.strictObject(importModeQuery), body: rowImportBody },
    responses: rowImportResponses,
  },
  async (c) => {
    const { mode } = c.req.valid('query')
    const report = await importRows(ctx.db, caseRows(ctx, actorOf(c.get('caller'))), rowSourceOf(c), {
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

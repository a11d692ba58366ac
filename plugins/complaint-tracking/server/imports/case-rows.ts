/**
 * @module
 * Past complaint cases as import rows: the customer, when it was opened, its category, priority,
 * channel and text, and how it stands at the end (new, open, resolved or closed, with the times
 * and the resolution code). Every cell is checked before anything is written: an unknown category
 * is COMPLAINTS_CATEGORY_UNKNOWN, a status that cannot be imported or lacks what it needs
 * COMPLAINTS_IMPORT_STATUS_INVALID, times out of order COMPLAINTS_IMPORT_DATES_OUT_OF_ORDER, each
 * naming its column. `caseId` is the idempotency key. {@link writeImportedCase} stores a valid row.
 */
import { findRowCustomer, type PluginContext, ROW_CUSTOMER_COLUMNS, type RowCells, type RowImportKind, type RowIssue, z } from '@rapport/plugin-sdk'
import { priorities, staffChannels } from '../../shared/schemas.js'
import type { CaseDeps } from '../cases/case-deps.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { type ImportedCase, IMPORTABLE_STATUSES, writeImportedCase } from './write-imported-case.js'

const TIMES = ['openedAt', 'firstResponseAt', 'resolvedAt', 'closedAt'] as const
const OPTIONAL = [...ROW_CUSTOMER_COLUMNS, 'priority', 'channel', 'subject', 'description', 'orderRef', 'resolutionCode', 'resolutionSummary', 'firstResponseAt', 'resolvedAt', 'closedAt']
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,59}$/
const timeSchema = z.iso.datetime({ offset: true })

const issue = (column: string, e: { code: string; message: string }): RowIssue => ({ column, code: e.code, message: e.message })
const cellIssue = (column: string, reason: string) => issue(column, complaintsErrors.IMPORT_CELL_INVALID({ column, reason }))
const text = (cells: RowCells, column: string): string | undefined => {
  const v = cells.get(column)
  return typeof v === 'string' ? v : v === undefined ? undefined : String(v)
}

function timesOf(cells: RowCells, now: Date, errors: RowIssue[]): Partial<Record<(typeof TIMES)[number], string>> {
  const times: Partial<Record<(typeof TIMES)[number], string>> = {}
  for (const column of TIMES) {
    const value = cells.get(column)
    if (value === undefined) continue
    if (typeof value !== 'string' || !timeSchema.safeParse(value).success) errors.push(cellIssue(column, 'must be an ISO-8601 time with its offset, such as 2025-03-01T10:00:00+08:00'))
    else if (Date.parse(value) > now.getTime()) errors.push(cellIssue(column, 'is in the future'))
    else times[column] = new Date(value).toISOString()
  }
  // Each time is at or after the ones it follows: opened ≤ first response ≤ resolved ≤ closed.
  const order = TIMES.filter((c) => times[c] !== undefined)
  for (let i = 1; i < order.length; i++) {
    const earlier = order.slice(0, i).find((c) => times[c]! > times[order[i]!]!)
    if (earlier) errors.push(issue(order[i]!, complaintsErrors.IMPORT_DATES_OUT_OF_ORDER({ column: order[i]!, before: earlier })))
  }
  return times
}

function checkStatus(cells: RowCells, times: Partial<Record<(typeof TIMES)[number], string>>, errors: RowIssue[]): ImportedCase['status'] | undefined {
  const status = text(cells, 'status') ?? ''
  if (!(IMPORTABLE_STATUSES as readonly string[]).includes(status)) {
    errors.push(issue('status', complaintsErrors.IMPORT_STATUS_INVALID({ status, reason: `is not one of ${IMPORTABLE_STATUSES.join(', ')}` })))
    return undefined
  }
  const finished = status === 'resolved' || status === 'closed'
  const needs = [...(finished ? ['resolvedAt', 'resolutionCode'] : []), ...(status === 'closed' ? ['closedAt'] : [])].filter((c) => !cells.has(c))
  const refused = [...(finished ? [] : ['resolvedAt', 'resolutionCode', 'resolutionSummary']), ...(status === 'closed' ? [] : ['closedAt'])].filter((c) => cells.has(c))
  for (const column of needs) errors.push(issue(column, complaintsErrors.IMPORT_STATUS_INVALID({ status, reason: `needs ${column}` })))
  for (const column of refused) errors.push(issue(column, complaintsErrors.IMPORT_STATUS_INVALID({ status, reason: `takes no ${column}` })))
  return needs.length === 0 && refused.length === 0 && (times.openedAt !== undefined) ? status as ImportedCase['status'] : undefined
}

/**
 * @param actor who the history records as importing (`user:<id>`, `apiKey:<id>`, `system:import`)
 * @example await importRows(ctx.db, caseRows(ctx, actorOf(caller)), { csv }, { mode: 'valid-only' })
 */
export function caseRows(ctx: CaseDeps & Pick<PluginContext<ComplaintsConfig>, 'customers'>, actor: string): RowImportKind<ImportedCase> {
  return {
    kind: 'cases',
    required: [['caseId'], ['openedAt'], ['category'], ['status']],
    optional: OPTIONAL,
    allows: (column) => OPTIONAL.includes(column),
    malformedCode: complaintsErrors.IMPORT_CELL_INVALID.code,

    async check(cells) {
      const errors: RowIssue[] = []
      const caseId = text(cells, 'caseId')
      if (!caseId || !CASE_ID.test(caseId)) errors.push(cellIssue('caseId', 'is required: 1-60 letters, digits and . _ : -'))
      const customer = await findRowCustomer(ctx.customers, cells, complaintsErrors)
      if ('issue' in customer) errors.push(customer.issue)
      const times = timesOf(cells, ctx.now(), errors)
      if (!cells.has('openedAt')) errors.push(cellIssue('openedAt', 'is required'))
      const category = text(cells, 'category') ?? ''
      if (!ctx.config.categories.some((n) => n.id === category)) errors.push(issue('category', complaintsErrors.CATEGORY_UNKNOWN({ category })))
      const priority = text(cells, 'priority') ?? 'normal'
      if (!(priorities as readonly string[]).includes(priority)) errors.push(cellIssue('priority', `is not one of ${priorities.join(', ')}`))
      const channel = text(cells, 'channel') ?? 'other'
      if (!(staffChannels as readonly string[]).includes(channel)) errors.push(cellIssue('channel', `is not one of ${staffChannels.join(', ')}`))
      const description = [text(cells, 'subject'), text(cells, 'description')].filter((t) => t !== undefined).join('\n\n')
      if (!description) errors.push(cellIssue('description', 'or subject is required'))
      else if (description.length > 5000) errors.push(cellIssue('description', 'is longer than 5000 characters'))
      const status = checkStatus(cells, times, errors)
      if (errors.length > 0 || !status || !('customerId' in customer)) return { ok: false, errors }
      return {
        ok: true,
        value: {
          caseRef: caseId!, customerId: customer.customerId, category, priority: priority as ImportedCase['priority'], channel: channel as ImportedCase['channel'],
          description, orderRef: text(cells, 'orderRef') ?? null, status, openedAt: times.openedAt!, firstResponseAt: times.firstResponseAt,
          resolvedAt: times.resolvedAt, closedAt: times.closedAt, resolutionCode: text(cells, 'resolutionCode'), resolutionSummary: text(cells, 'resolutionSummary'),
        },
      }
    },

    write: (tx, value) => writeImportedCase(tx, ctx, value, actor),
  }
}

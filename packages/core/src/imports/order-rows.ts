/**
 * @module
 * Order CSVs: each row is an `order.completed` event, checked and written exactly as
 * `POST /api/v1/events` does it, oldest first, at its own time (the jobs replayed between). Columns: `id` (default `order.completed:<orderId>`, so a
 * re-import is recognised), `orderId`, `customerExternalId`, `amountMinor` or `amount` (a
 * decimal such as `129.00`, converted exactly by the currency's exponent), `currency`,
 * `occurredAt` and `channel`.
 */
import { validateEvent, type ValidEvent } from '../events/validate-event.js'
import { writeEvents } from '../events/write-events.js'
import { decimalToMinor } from './decimal-to-minor.js'
import { writeEventsAtTheirTime } from './write-at-event-time.js'
import type { CellIssue } from './import-report.js'
import type { Cells, RowKind } from './row-kind.js'

const REQUIRED = ['orderId', 'customerExternalId', 'currency', 'occurredAt'] as const
const OPTIONAL = ['id', 'channel'] as const

/** The default event id of an order row. @example defaultOrderEventId('SO-1') // 'order.completed:SO-1' */
export const defaultOrderEventId = (orderId: string) => `order.completed:${orderId}`

function amountOf(cells: Cells, errors: CellIssue[]): { amountMinor?: number; column: string } {
  const minor = cells.get('amountMinor')
  if (minor !== undefined) {
    if (/^\d{1,16}$/.test(minor) && Number.isSafeInteger(Number(minor))) return { amountMinor: Number(minor), column: 'amountMinor' }
    errors.push({ column: 'amountMinor', message: 'must be a whole number of minor units, such as 12900' })
    return { column: 'amountMinor' }
  }
  const amount = cells.get('amount')
  if (amount === undefined) {
    errors.push({ column: 'amountMinor', message: 'is required (or give amount)' })
    return { column: 'amountMinor' }
  }
  const converted = decimalToMinor(amount, cells.get('currency') ?? '')
  if (converted.ok) return { amountMinor: converted.minor, column: 'amount' }
  errors.push({ column: 'amount', message: converted.message })
  return { column: 'amount' }
}

/**
 * The order CSV kind.
 * @example const check = orderRows.check(new Map([['orderId', 'SO-1'], ['customerExternalId', 'crm-1'], ['amount', '129.00'], ['currency', 'CNY'], ['occurredAt', '2026-05-01T10:00:00+08:00']]))
 */
export const orderRows: RowKind<ValidEvent> = {
  kind: 'orders',
  required: [...REQUIRED.map((c) => [c]), ['amountMinor', 'amount']],
  optional: OPTIONAL,
  allows: (column) => (OPTIONAL as readonly string[]).includes(column),

  check(cells) {
    const errors: CellIssue[] = []
    for (const column of REQUIRED) if (!cells.has(column)) errors.push({ column, message: 'is required' })
    const { amountMinor, column: amountColumn } = amountOf(cells, errors)
    const id = cells.get('id')
    const raw: Record<string, unknown> = { id: id ?? defaultOrderEventId(cells.get('orderId') ?? ''), type: 'order.completed', amountMinor }
    for (const column of [...REQUIRED, 'channel']) raw[column] = cells.get(column)
    for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key]

    const checked = validateEvent(raw)
    if (!checked.ok) {
      for (const issue of checked.errors) {
        let column = issue.path.split('.')[0] || '(row)'
        if (column === 'amountMinor') column = amountColumn
        if (column === 'id' && id === undefined) column = 'orderId'
        if (!errors.some((e) => e.column === column)) errors.push({ column, message: issue.message })
      }
    }
    return checked.ok && errors.length === 0 ? { ok: true, value: checked.event } : { ok: false, errors }
  },

  timeOf: (event) => event.occurredAt,

  writer(s, actor, replay) {
    const customerIds = new Map<string, string>()
    const write = replay
      ? (tx: Parameters<typeof writeEvents>[0], values: readonly ValidEvent[]) => writeEventsAtTheirTime(tx, s, values, { source: 'import', actor, customerIds, replay })
      : (tx: Parameters<typeof writeEvents>[0], values: readonly ValidEvent[]) => writeEvents(tx, s, values, { source: 'import', actor, customerIds })
    return async (tx, values) =>
      (await write(tx, values)).map((o) =>
        o.status === 'rejected' ? { status: 'invalid' as const, errors: o.errors.map((e) => ({ column: e.path || '(row)', message: e.message })) }
          : { status: o.status === 'accepted' ? 'imported' as const : 'duplicate' as const })
  },
}

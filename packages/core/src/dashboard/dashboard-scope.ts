/**
 * @module
 * Turns the dashboard's query (a date range in the business's time zone and profile filters) into
 * the scope every widget receives.
 */
import { DateTime } from 'luxon'
import { requestErrors } from '../errors/index.js'
import type { DashboardScope } from '../plugins/contract.js'
import type { PluginRuntime } from '../plugins/runtime.js'
import { parseProfileFilter, type SqlCondition } from '../profile/profile-filter.js'

/** The longest range a dashboard may ask for, in days. */
export const MAX_RANGE_DAYS = 3 * 366

/** What the dashboard route accepts, after validation of its shape. */
export type DashboardQuery = { from?: string | undefined; to?: string | undefined; filter?: string | string[] | undefined }

const invalid = (path: string, message: string) => requestErrors.INVALID({ issues: [{ path, message }] })

/**
 * The scope of a dashboard request: `from` and `to` are calendar dates (both included) in the
 * business's time zone; the default is the 30 days ending today.
 * `segment` is a saved segment's condition, already resolved; it joins the filters.
 * @throws REQUEST_INVALID (400) naming `to` when it is before `from` or the range is too long, or a bad filter
 * @example dashboardScope({ from: '2026-01-01', to: '2026-01-31' }, runtime, 'Asia/Shanghai', new Date())
 */
export function dashboardScope(query: DashboardQuery, runtime: PluginRuntime, timeZone: string, now: Date, segment?: SqlCondition): DashboardScope {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day')
  const last = query.to ? DateTime.fromISO(query.to, { zone: timeZone }) : today
  const first = query.from ? DateTime.fromISO(query.from, { zone: timeZone }) : last.minus({ days: 29 })
  if (last < first) throw invalid('to', `${query.to} is before ${query.from ?? first.toISODate()}`)
  if (last.diff(first, 'days').days > MAX_RANGE_DAYS) throw invalid('to', `the range may span at most ${MAX_RANGE_DAYS} days`)

  const filters = query.filter === undefined ? [] : Array.isArray(query.filter) ? query.filter : [query.filter]
  const conditions = [...filters.map((raw) => parseProfileFilter(runtime.fields(), raw)), ...(segment ? [segment] : [])]
  const where = conditions.map((c) => c.sql).join(' AND ')
  const params = conditions.flatMap((c) => c.params)
  return {
    from: first.startOf('day').toUTC().toISO()!,
    to: last.plus({ days: 1 }).startOf('day').toUTC().toISO()!,
    timeZone,
    filtered: conditions.length > 0,
    customersIn: (column) => (conditions.length === 0 ? { sql: '1 = 1', params: [] } : { sql: `${column} IN (SELECT id FROM core_customers WHERE ${where})`, params }),
  }
}

/**
 * The calendar days of the range of equal length ending the day before `scope` starts, in its time zone.
 * @example previousRange(dashboardScope({ from: '2026-03-01', to: '2026-03-31' }, runtime, 'UTC', now)) // { from: '2026-01-29', to: '2026-02-28' }
 */
export function previousRange(scope: Pick<DashboardScope, 'from' | 'to' | 'timeZone'>): { from: string; to: string } {
  const first = DateTime.fromISO(scope.from, { zone: scope.timeZone }).startOf('day')
  const end = DateTime.fromISO(scope.to, { zone: scope.timeZone }).startOf('day')
  const days = Math.round(end.diff(first, 'days').days)
  return { from: first.minus({ days }).toISODate()!, to: first.minus({ days: 1 }).toISODate()! }
}

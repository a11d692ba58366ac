/**
 * @module
 * The query every analytics route shares (a date range in a time zone, a survey, a version, a
 * channel) and the scope it resolves to: the range as UTC instants, comparable with the stored
 * `completed_at` / `started_at` / `created_at` ISO strings.
 */
import { z } from '@rapport/plugin-sdk'
import { DateTime, IANAZone } from 'luxon'

/** The longest range, in days (as the host's dashboard). */
export const MAX_RANGE_DAYS = 3 * 366

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((v) => DateTime.fromISO(v, { zone: 'UTC' }).isValid, 'is not a day of the calendar')

/** The parameters of every analytics route and export. */
export const analyticsFilter = z.object({
  from: calendarDay.optional().openapi({ description: 'First day, in timeZone', example: '2026-01-01' }),
  to: calendarDay.optional().openapi({ description: 'Last day, included, in timeZone', example: '2026-01-31' }),
  timeZone: z.string().max(64).refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Asia/Shanghai').default('UTC'),
  surveyId: z.string().min(1).max(64).optional(),
  version: z.coerce.number().int().min(1).optional(),
  channel: z.string().min(1).max(32).optional(),
})

/** Refuses `version` without `surveyId`, and a range that ends before it starts or is too long. */
export const checkedFilter = <T extends z.ZodType<AnalyticsFilter>>(schema: T) => schema.superRefine((f, ctx) => {
  if (f.version !== undefined && !f.surveyId) ctx.addIssue({ code: 'custom', path: ['version'], message: 'needs surveyId' })
  if (f.from && f.to) {
    const days = DateTime.fromISO(f.to).diff(DateTime.fromISO(f.from), 'days').days
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: `${f.to} is before ${f.from}` })
    if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range may span at most ${MAX_RANGE_DAYS} days` })
  }
})

/** The shared parameters, parsed. */
export type AnalyticsFilter = z.infer<typeof analyticsFilter>

/** A resolved range: local days (both included) and the UTC instants bounding them. */
export type AnalyticsScope = {
  firstDay: string; lastDay: string; timeZone: string
  /** Inclusive UTC ISO instant of the first day's local midnight, or undefined for "since ever" (exports). */
  fromAt: string | undefined
  /** Exclusive UTC ISO instant of the midnight after the last day, or undefined for "until now". */
  toAt: string | undefined
  surveyId: string | undefined; version: number | undefined; channel: string | undefined
}

const utcIso = (d: DateTime): string => d.toUTC().toJSDate().toISOString()

/**
 * @param openEnded when true, missing `from`/`to` mean no bound (exports) instead of the 30 days ending today
 * @example analyticsScope({ from: '2026-03-01', to: '2026-03-31', timeZone: 'Europe/Paris' }, new Date())
 */
export function analyticsScope(f: AnalyticsFilter, now: Date, { openEnded = false }: { openEnded?: boolean } = {}): AnalyticsScope {
  const zone = f.timeZone
  const today = DateTime.fromJSDate(now, { zone }).startOf('day')
  const last = f.to ? DateTime.fromISO(f.to, { zone }) : today
  const first = f.from ? DateTime.fromISO(f.from, { zone }) : openEnded ? undefined : last.minus({ days: 29 })
  return {
    firstDay: (first ?? last).toISODate()!, lastDay: last.toISODate()!, timeZone: zone,
    fromAt: first ? utcIso(first.startOf('day')) : undefined,
    toAt: f.to || !openEnded ? utcIso(last.plus({ days: 1 }).startOf('day')) : undefined,
    surveyId: f.surveyId, version: f.version, channel: f.channel,
  }
}

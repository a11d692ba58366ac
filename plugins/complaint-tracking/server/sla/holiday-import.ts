/**
 * @module
 * Reads a year of public holidays from a CSV of dates or an iCalendar file and checks it: real
 * dates, one year, no day both off and worked, make-up working days (调休) on weekends only.
 * Pure: the route previews the result, and the admin stores it through the plugin's config.
 */
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import Papa from 'papaparse'
import type { HolidayDay, HolidayImportIssue, HolidayPreview } from '../../shared/holiday-schemas.js'

type Raw = { line: number; date: string; kind: HolidayDay['kind']; name: string | null }
/** Refused import: every issue found, by line. */
export class HolidayImportError extends Error {
  constructor(readonly issues: HolidayImportIssue[]) { super(issues.map((i) => `line ${i.line}: ${i.message}`).join('; ')) }
}

// Words that mark a worked day in the kind column or an event's title: 班 covers 上班, 补班 and 调休上班.
const WORKDAY = /班|work/i
const HOLIDAY = /^(holiday|off|休|假|放假|休息)$/i
const MAX_DAYS = 366

function fromCsv(content: string, issues: HolidayImportIssue[]): Raw[] {
  const rows = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data
  const out: Raw[] = []
  rows.forEach((cells, i) => {
    const [date = '', kindCell = '', name = ''] = cells.map((c) => c.trim())
    if (i === 0 && !/^\d/.test(date)) return // a header row
    const kind = kindCell === '' || HOLIDAY.test(kindCell) ? 'holiday' : WORKDAY.test(kindCell) ? 'workday' : null
    if (!kind) {
      issues.push({ line: i + 1, message: `kind "${kindCell}" is neither holiday (休) nor workday (班)` })
      return
    }
    out.push({ line: i + 1, date: date.replaceAll('/', '-'), kind, name: name || null })
  })
  return out
}

function fromIcs(content: string, issues: HolidayImportIssue[]): Raw[] {
  let root: InstanceType<typeof ICAL.Component>
  try {
    root = new ICAL.Component(ICAL.parse(content))
  } catch (err) {
    issues.push({ line: 0, message: `not an iCalendar file: ${err instanceof Error ? err.message : String(err)}` })
    return []
  }
  const out: Raw[] = []
  root.getAllSubcomponents('vevent').forEach((vevent, i) => {
    const event = new ICAL.Event(vevent)
    const start = event.startDate
    if (!start) {
      issues.push({ line: i + 1, message: 'an event without DTSTART' })
      return
    }
    const name = event.summary ?? null
    const kind = name && WORKDAY.test(name) ? 'workday' : 'holiday'
    // DTEND of an all-day event is exclusive; without it the event is that one day.
    const first = DateTime.fromISO(start.toString().slice(0, 10))
    const end = event.endDate ? DateTime.fromISO(event.endDate.toString().slice(0, 10)) : first.plus({ days: 1 })
    for (let d = first, n = 0; d < end && n < MAX_DAYS; d = d.plus({ days: 1 }), n += 1) out.push({ line: i + 1, date: d.toISODate()!, kind, name })
  })
  return out
}

/**
 * The year's days off and make-up working days, sorted, or a {@link HolidayImportError} naming each bad line
 * (the line of a CSV, the event's position in an .ics file).
 * @example previewHolidays({ format: 'csv', content: '2027-01-01,休,元旦' }).holidays // ['2027-01-01']
 */
export function previewHolidays(input: { format: 'csv' | 'ics'; content: string; year?: number }): HolidayPreview {
  const issues: HolidayImportIssue[] = []
  const raw = input.format === 'csv' ? fromCsv(input.content, issues) : fromIcs(input.content, issues)
  const byDate = new Map<string, Raw>()
  for (const r of raw) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? DateTime.fromISO(r.date) : null
    if (!day?.isValid) { issues.push({ line: r.line, message: `"${r.date}" is not a date (YYYY-MM-DD)` }); continue }
    const seen = byDate.get(r.date)
    if (seen && seen.kind !== r.kind) { issues.push({ line: r.line, message: `${r.date} is both a day off and a working day` }); continue }
    if (r.kind === 'workday' && day.weekday < 6) issues.push({ line: r.line, message: `${r.date} is a weekday: a make-up working day (调休) is a Saturday or Sunday` })
    if (!seen) byDate.set(r.date, r)
  }
  const years = [...new Set([...byDate.keys()].map((d) => Number(d.slice(0, 4))))]
  const year = input.year ?? years[0]
  if (byDate.size === 0 && issues.length === 0) issues.push({ line: 0, message: 'no dates found' })
  if (input.year === undefined && years.length > 1) issues.push({ line: 0, message: `dates of ${years.length} years (${years.sort().join(', ')}); import one year at a time` })
  if (input.year !== undefined) {
    for (const r of byDate.values()) if (!r.date.startsWith(`${input.year}-`)) issues.push({ line: r.line, message: `${r.date} is not in ${input.year}` })
  }
  if (issues.length > 0 || year === undefined) throw new HolidayImportError(issues.sort((a, b) => a.line - b.line))
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map(({ date, kind, name }) => ({ date, kind, name }))
  return {
    year, days,
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
  }
}

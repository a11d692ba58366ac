/**
 * @module
 * The holiday import's preview call and the merge of a previewed year into a holiday set.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type { HolidayPreview, holidayImportRequest } from '../../shared/holiday-schemas'

/** Asks the server to read and check a file; nothing is stored. */
export const previewHolidayFile = (body: z.infer<typeof holidayImportRequest>) =>
  apiRequest<HolidayPreview>('/api/p/complaint-tracking/holiday-previews', { method: 'POST', body })

/** A holiday set's dates. */
export type HolidaySet = { holidays: string[]; workdays: string[] }

/** The set with `year`'s dates replaced by these (other years untouched), sorted. @example withYear(set, 2027, preview) */
export function withYear(set: HolidaySet, year: number, next: HolidaySet): HolidaySet {
  const other = (d: string) => !d.startsWith(`${year}-`)
  return { holidays: [...set.holidays.filter(other), ...next.holidays].sort(), workdays: [...set.workdays.filter(other), ...next.workdays].sort() }
}

/**
 * @module
 * The holiday import's request and preview, shared by the server route and the admin's import dialog.
 */
import { z } from '@rapport/plugin-sdk'

/** A pasted or uploaded file: a CSV of dates or an iCalendar (.ics) file, for one year. */
export const holidayImportRequest = z.object({
  format: z.enum(['csv', 'ics']),
  /** The file's text (UTF-8). */
  content: z.string().min(1).max(200_000),
  /** The year the file is for; every date must fall in it. Absent: the file's one year. */
  year: z.number().int().min(2000).max(2100).optional(),
})

/** One day of an import: a day off (法定节假日 or 补假) or a make-up working day (调休). */
export const holidayDaySchema = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string().nullable() })

/** What the import would store for the year: nothing is saved until the admin applies it. */
export const holidayPreviewSchema = z.object({
  year: z.number().int(),
  days: z.array(holidayDaySchema),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
})

/** One problem of a refused import: the line (1-based; 0 for the whole file) and what is wrong. */
export type HolidayImportIssue = { line: number; message: string }
/** A previewed year. */
export type HolidayPreview = z.infer<typeof holidayPreviewSchema>
/** A day of a preview. */
export type HolidayDay = z.infer<typeof holidayDaySchema>

/**
 * @module
 * Readable case numbers, `CT-2026-000123`: a sequence per business year (the year of the intake
 * in the business's time zone, at the event's time), taken in the intake's transaction. The
 * counter row is an upsert, so concurrent intakes of a year queue on it (PostgreSQL's row lock,
 * SQLite's single writer) and the unique index on the number holds on every dialect.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** The business year of an instant. @example businessYear(new Date('2025-12-31T17:00:00Z'), 'Asia/Shanghai') // 2026 */
export const businessYear = (at: Date, timeZone: string): number => Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at))

/** `CT-<year>-<n>`, n padded to six digits. @example formatCaseNumber(2026, 123) // 'CT-2026-000123' */
export const formatCaseNumber = (year: number, n: number): string => `CT-${year}-${String(n).padStart(6, '0')}`

/**
 * Takes the next number of the intake's year.
 * @example const caseNumber = await nextCaseNumber(tx, ctx.now(), ctx.timeZone)
 */
export async function nextCaseNumber(tx: Queryable, at: Date, timeZone: string): Promise<string> {
  const year = businessYear(at, timeZone)
  const row = await tx.get<{ last_number: number }>(
    `INSERT INTO complaints_case_counters (year, last_number) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = complaints_case_counters.last_number + 1 RETURNING last_number`, [year])
  return formatCaseNumber(year, Number(row!.last_number))
}

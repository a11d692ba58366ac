/**
 * @module
 * Whole days since 1970-01-01 (UTC): the recency value scored, so both dialects compare integers.
 */
export const DAY_MS = 86_400_000

/** @example dayNumber(new Date('1970-01-02T05:00:00Z')) // 1 */
export const dayNumber = (at: Date | string): number => Math.floor(new Date(at).getTime() / DAY_MS)

/** The start of the RFM window ending at `now` (ISO). @example windowStart(now, 365) */
export const windowStart = (now: Date, windowDays: number): string => new Date(now.getTime() - windowDays * DAY_MS).toISOString()

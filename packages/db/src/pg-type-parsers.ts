/**
 * @module
 * PostgreSQL returns int8 (COUNT, SUM, BIGSERIAL) and numeric as strings so no precision is lost.
 * Rapport's amounts are integer minor units far below 2^53, and SQLite returns numbers, so both
 * PostgreSQL adapters parse these types to numbers to keep reads portable.
 */

/**
 * Type OIDs (from `pg_type`) parsed to JS numbers.
 * @example
 * NUMERIC_TYPE_OIDS.int8 // 20
 */
export const NUMERIC_TYPE_OIDS = { int8: 20, numeric: 1700 } as const

/**
 * Parser table for PGlite's `parsers` option.
 * @example
 * await PGlite.create({ parsers: pgNumberParsers })
 */
export const pgNumberParsers: Record<number, (value: string) => number> = {
  [NUMERIC_TYPE_OIDS.int8]: Number,
  [NUMERIC_TYPE_OIDS.numeric]: Number,
}

/**
 * @module
 * A customer's tier (or ladder step) at any instant, from the change history: each change holds
 * from its time until the customer's next change. Both the series over time and the migration
 * between two dates read these spans, so they always agree.
 */

/** What a history records: the tier (`tiering_history`) or the ladder step (`tiering_ladder_history`). */
export type Dimension = 'tier' | 'ladder'

const SOURCES = {
  tier: { table: 'tiering_history', value: 'to_tier' },
  ladder: { table: 'tiering_ladder_history', value: 'to_step' },
} as const

/**
 * A CTE `spans(customer_id, value, since, until)`; `until` is null for the current state.
 * Two changes at the same instant are ordered by id, so the later one holds.
 * @example `WITH ${stateSpans('tier')} SELECT ... FROM spans`
 */
export function stateSpans(dimension: Dimension): string {
  const { table, value } = SOURCES[dimension]
  return `spans AS (SELECT customer_id, ${value} AS value, at AS since,
    LEAD(at) OVER (PARTITION BY customer_id ORDER BY at, id) AS until FROM ${table})`
}

/** The condition "this span holds at the instant bound to `?`" (the instant is bound twice). */
export const HOLDS_AT = 'since <= ? AND (until IS NULL OR until > ?)'

/**
 * @module
 * How a customer page links back to the list exactly as the user left it: the list passes its
 * search (q, sort) and cursor stack in the navigation state; the detail page's back link
 * restores them.
 */

/** The list as it was when a customer was opened. */
export type ListReturn = { search: string; cursors: string[] }

/** Navigation state carried from the list to a customer page. */
export type CustomerPageState = { fromList?: ListReturn }

/** The list to go back to, read from a customer page's location state. */
export const listReturnOf = (state: unknown): ListReturn => {
  const from = (state as CustomerPageState | null)?.fromList
  return from && typeof from.search === 'string' && Array.isArray(from.cursors) ? from : { search: '', cursors: [] }
}

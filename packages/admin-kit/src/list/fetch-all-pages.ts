/**
 * @module
 * Every page of a cursor-paged list, for an export of the whole filtered list rather than the
 * page on screen. It stops at `max` rows: past that, a list needs a server export route.
 */

/** One page as the API answers it. */
export type CursorPage<T> = { items: readonly T[]; nextCursor?: string | null }

/**
 * Fetches pages until the last one, or until `max` rows.
 * @example const rows = await fetchAllPages((cursor) => listCustomers({ q, cursor, limit: 200 }))
 */
export async function fetchAllPages<T>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>, max = 10_000): Promise<T[]> {
  const rows: T[] = []
  let cursor: string | undefined
  do {
    const page = await fetchPage(cursor)
    rows.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor && rows.length < max)
  return rows.slice(0, max)
}

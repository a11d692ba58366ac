/**
 * @module
 * Opaque keyset cursors: base64url of the sort, the last row's sort key and its id. A cursor
 * that does not decode, or was issued for another sort, is refused with REQUEST_INVALID_CURSOR.
 */
import { requestErrors } from '../errors/index.js'

/**
 * The REQUEST_INVALID_CURSOR (400) error, for a cursor this server did not issue for this listing.
 * @example if (typeof key !== 'number') throw invalidCursor()
 */
export const invalidCursor = () => requestErrors.INVALID_CURSOR(undefined)

/** Where the previous page ended: its last row's sort key and id. */
export type CursorPosition = { key: string | number; id: string }

/**
 * Encodes the position after `last` for the given sort.
 * @example const next = encodeCursor('-createdAt', { key: row.createdAt, id: row.id })
 */
export function encodeCursor(sort: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([sort, position.key, position.id]), 'utf8').toString('base64url')
}

/**
 * Decodes a cursor issued for `sort`; throws REQUEST_INVALID_CURSOR (400) otherwise.
 * @example const { key, id } = decodeCursor(query.cursor, query.sort)
 */
export function decodeCursor(cursor: string, sort: string): CursorPosition {
  let parsed: unknown
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new TypeError('not base64url')
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalidCursor()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor()
  const [cursorSort, key, id] = parsed as unknown[]
  const keyOk = typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key))
  if (cursorSort !== sort || !keyOk || typeof id !== 'string' || id.length === 0) throw invalidCursor()
  return { key: key as string | number, id }
}

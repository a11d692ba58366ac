/**
 * @module
 * Opaque cursors for paging the event log: they wrap the `seq` of the last event shown.
 */
import { requestErrors } from '../errors/index.js'

const PREFIX = 'evt:'

/** A cursor that continues after the event with this `seq`. @example encodeEventCursor(42) // 'ZXZ0OjQy' */
export function encodeEventCursor(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`).toString('base64url')
}

/**
 * The `seq` a cursor continues after. Throws REQUEST_INVALID_CURSOR for anything this server did not issue.
 * @example decodeEventCursor(encodeEventCursor(42)) // 42
 */
export function decodeEventCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^evt:([1-9][0-9]{0,15})$/.exec(text)
  const seq = match ? Number(match[1]) : NaN
  if (!Number.isSafeInteger(seq)) throw requestErrors.INVALID_CURSOR(undefined)
  return seq
}

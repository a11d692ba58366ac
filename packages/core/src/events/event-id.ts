/**
 * @module
 * Ids for stored events, in the format of `newId` (`evt_` + 9 base-36 time digits + 16 hex),
 * the random part from the pooled buffer of random-hex.ts.
 */
import { randomHex } from '../crypto/random-hex.js'

/** A sortable, random event id. @example newEventId() // 'evt_0mbx3k2a1f3c9e0d2b4a6c8e' */
export function newEventId(): string {
  return `evt_${Date.now().toString(36).padStart(9, '0')}${randomHex(8)}`
}

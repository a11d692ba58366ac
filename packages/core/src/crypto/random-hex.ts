/**
 * @module
 * Random hex for ids, from a pooled CSPRNG buffer as Node's own `randomUUID` does: one
 * `randomFillSync` per 4 kB instead of one per id. An order makes several ids (its event, a
 * delivery, the points ledger's rows), and the per-id call showed at 1.4-1.8% of the loaded
 * product server's CPU. Each byte of the pool is used once. Not for secrets (tokens, keys,
 * salts, IVs): those take `randomBytes` of their own.
 */
import { randomFillSync } from 'node:crypto'

const POOL_BYTES = 4096
let pool: Buffer | undefined
let offset = POOL_BYTES

/**
 * `bytes` random bytes as lowercase hex (2 characters a byte).
 * @param bytes - at most 4096
 * @example randomHex(8) // 'f3c9e0d2b4a6c8e1'
 */
export function randomHex(bytes: number): string {
  if (!pool || offset + bytes > POOL_BYTES) {
    pool ??= Buffer.allocUnsafe(POOL_BYTES)
    randomFillSync(pool)
    offset = 0
  }
  const hex = pool.toString('hex', offset, offset + bytes)
  offset += bytes
  return hex
}

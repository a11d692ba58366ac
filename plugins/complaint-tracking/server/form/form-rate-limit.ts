/**
 * @module
 * The public form's limit per address and hour, counted in the database (so it holds across
 * processes and restarts). Addresses are stored hashed, and rows older than a day are dropped.
 */
import { createHash } from 'node:crypto'
import type { Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'

const HOUR = 3_600_000

/** A short hash of the address: the table never holds the address itself. @example addressHash('203.0.113.9') */
export const addressHash = (address: string): string => createHash('sha256').update(`complaints-form:${address}`).digest('base64url').slice(0, 22)

/**
 * Counts one submission from the address in the current hour; throws `COMPLAINTS_FORM_RATE_LIMITED`
 * (429) past `perHour` (the refused attempt itself is not added).
 * @example await hitFormLimit(tx, address, 5, ctx.now())
 */
export async function hitFormLimit(tx: Queryable, address: string, perHour: number, now: Date): Promise<void> {
  const windowStartMs = Math.floor(now.getTime() / HOUR) * HOUR
  const windowStart = new Date(windowStartMs).toISOString()
  const hash = addressHash(address)
  await tx.run('DELETE FROM complaints_form_hits WHERE window_start < ?', [new Date(windowStartMs - 24 * HOUR).toISOString()])
  await tx.run(`INSERT INTO complaints_form_hits (address_hash, window_start, hits) VALUES (?, ?, 1)
    ON CONFLICT (address_hash, window_start) DO UPDATE SET hits = complaints_form_hits.hits + 1`, [hash, windowStart])
  const row = await tx.get<{ hits: number }>('SELECT hits FROM complaints_form_hits WHERE address_hash = ? AND window_start = ?', [hash, windowStart])
  if (Number(row?.hits ?? 0) > perHour) {
    throw complaintsErrors.FORM_RATE_LIMITED({ perHour, retryAfterSeconds: Math.ceil((windowStartMs + HOUR - now.getTime()) / 1000) })
  }
}

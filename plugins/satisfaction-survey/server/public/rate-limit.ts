/**
 * @module
 * Per-address rate limit of the public link: a fixed one-minute window counted in the database,
 * so every API process shares it. Addresses are stored hashed, never as they are.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { Database, Queryable } from '@rapport/plugin-sdk'
import { surveyErrors } from '../errors.js'

const HIT = `INSERT INTO satisfaction_rate_hits (key, window_start, hits) VALUES (?, ?, 1)
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN satisfaction_rate_hits.window_start = excluded.window_start THEN satisfaction_rate_hits.hits + 1 ELSE 1 END,
    window_start = excluded.window_start
  RETURNING hits`

/** The caller's network address as the Node server saw it (a proxy's address behind one). @example addressOf(c) // '203.0.113.7' */
export function addressOf(c: Context): string {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local'
}

/**
 * Counts one request of `address` on the survey behind `publicToken`; throws SURVEY_RATE_LIMITED (429) past `perMinute`.
 * @example await hitRate(ctx.db, token, addressOf(c), ctx.now(), ctx.config.publicPerMinute)
 */
export async function hitRate(db: Database, publicToken: string, address: string, now: Date, perMinute: number): Promise<void> {
  const key = createHash('sha256').update(`${publicToken}\u0000${address}`).digest('base64url')
  const windowMs = Math.floor(now.getTime() / 60_000) * 60_000
  const row = await db.tx((tx) => tx.get<{ hits: number }>(HIT, [key, new Date(windowMs).toISOString()]))
  if (Number(row?.hits ?? 1) > perMinute) {
    throw surveyErrors.RATE_LIMITED({ perMinute, retryAfterSeconds: Math.max(1, Math.ceil((windowMs + 60_000 - now.getTime()) / 1000)) })
  }
}

/** Forgets windows older than an hour. @example await pruneRateHits(tx, now) */
export async function pruneRateHits(q: Queryable, now: Date): Promise<number> {
  return (await q.run('DELETE FROM satisfaction_rate_hits WHERE window_start < ?', [new Date(now.getTime() - 3_600_000).toISOString()])).changes
}

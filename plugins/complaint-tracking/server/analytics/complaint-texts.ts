/**
 * @module
 * What customers wrote in the cases opened over a range `[from, to)`, newest first, for the
 * sentiment and themes of `GET /analytics/texts`.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** Read at most this many newest descriptions: a summary of 5,000 texts takes about 50 ms. */
export const TEXT_CAP = 5000

/** @example const { texts, capped } = await complaintTexts(ctx.db, from, to, 'delivery') */
export async function complaintTexts(q: Queryable, from: string, to: string, category?: string) {
  const conditions = ['created_at >= ?', 'created_at < ?']
  const params: (string | number)[] = [from, to]
  if (category) {
    conditions.push('(category = ? OR category LIKE ?)')
    params.push(category, `${category}.%`)
  }
  const rows = await q.all<{ description: string }>(
    `SELECT description FROM complaints_cases WHERE ${conditions.join(' AND ')} ORDER BY created_at DESC LIMIT ?`,
    [...params, TEXT_CAP + 1],
  )
  return { texts: rows.slice(0, TEXT_CAP).map((row) => row.description), capped: rows.length > TEXT_CAP }
}

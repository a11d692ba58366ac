/**
 * @module
 * Canned replies: stored per language and optionally per category; a case of a category is
 * offered that category's replies, its ancestors' and the general ones.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { cannedReplyRequest, cannedReplySchema } from '../../shared/agent-schemas.js'

/** A canned reply as routes return it. */
export type CannedReply = z.infer<typeof cannedReplySchema>
type Input = z.output<typeof cannedReplyRequest>

const COLUMNS = 'id, title, body, locale, category, created_by AS "createdBy", updated_at AS "updatedAt"'

/** @example await insertReply(tx, id, input, actor, at) */
export async function insertReply(tx: Queryable, id: string, r: Input, actor: string, at: string): Promise<void> {
  await tx.run('INSERT INTO complaints_canned_replies (id, title, body, locale, category, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [id, r.title, r.body, r.locale, r.category, actor, at, at])
}

/** False when there is no such reply. @example await updateReply(tx, id, input, at) */
export async function updateReply(tx: Queryable, id: string, r: Input, at: string): Promise<boolean> {
  const res = await tx.run('UPDATE complaints_canned_replies SET title = ?, body = ?, locale = ?, category = ?, updated_at = ? WHERE id = ?', [r.title, r.body, r.locale, r.category, at, id])
  return res.changes > 0
}

/** @example await deleteReply(tx, id) // true */
export async function deleteReply(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.run('DELETE FROM complaints_canned_replies WHERE id = ?', [id])).changes > 0
}

/** @example await findReply(ctx.db, id) */
export async function findReply(q: Queryable, id: string): Promise<CannedReply | undefined> {
  return q.get<CannedReply>(`SELECT ${COLUMNS} FROM complaints_canned_replies WHERE id = ?`, [id])
}

/** By title; `category`: the replies offered on a case of it. @example await listReplies(ctx.db, { locale: 'zh-CN', category: 'product.quality' }) */
export async function listReplies(q: Queryable, f: { locale?: string | undefined; category?: string | undefined }): Promise<CannedReply[]> {
  const where: string[] = []
  const params: string[] = []
  if (f.locale) { where.push('locale = ?'); params.push(f.locale) }
  if (f.category) { where.push("(category IS NULL OR category = ? OR ? LIKE category || '.%')"); params.push(f.category, f.category) }
  return q.all<CannedReply>(`SELECT ${COLUMNS} FROM complaints_canned_replies ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY title, seq`, params)
}

/**
 * @module
 * The history of a case (who, when, what) and its replies and internal notes.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { historySchema, messageSchema } from '../../shared/schemas.js'

/** One history entry. */
export type HistoryEntry = z.infer<typeof historySchema>
/** One reply or note. */
export type Message = z.infer<typeof messageSchema>
/** Who may see an entry. */
export type Visibility = 'customer' | 'internal'

/** @example await recordHistory(tx, caseId, { action: 'transition', actor, fromStatus: 'new', toStatus: 'open', details: {}, at }, 'customer') */
export async function recordHistory(tx: Queryable, caseId: string, e: HistoryEntry, visibility: Visibility): Promise<void> {
  await tx.run(
    'INSERT INTO complaints_history (case_id, action, actor, from_status, to_status, visibility, details, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [caseId, e.action, e.actor, e.fromStatus, e.toStatus, visibility, JSON.stringify(e.details), e.at],
  )
}

type HistoryRow = { action: HistoryEntry['action']; actor: string; from_status: string | null; to_status: string | null; details: unknown; at: string }

/** Oldest first; without internal entries unless `internal`. @example await caseHistory(ctx.db, id, false) */
export async function caseHistory(q: Queryable, caseId: string, internal: boolean): Promise<HistoryEntry[]> {
  const rows = await q.all<HistoryRow>(
    `SELECT action, actor, from_status, to_status, details, at FROM complaints_history WHERE case_id = ?${internal ? '' : " AND visibility = 'customer'"} ORDER BY seq`,
    [caseId],
  )
  return rows.map((r) => ({
    action: r.action, actor: r.actor, fromStatus: r.from_status, toStatus: r.to_status, at: r.at,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details ?? {}) as Record<string, unknown>,
  }))
}

/** @example await insertMessage(tx, caseId, message) */
export async function insertMessage(tx: Queryable, caseId: string, m: Message): Promise<void> {
  await tx.run('INSERT INTO complaints_messages (id, case_id, visibility, body, author, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [m.id, caseId, m.visibility, m.body, m.author, m.createdAt])
}

/** Oldest first; without internal notes unless `internal`. @example await caseMessages(ctx.db, id, true) */
export async function caseMessages(q: Queryable, caseId: string, internal: boolean): Promise<Message[]> {
  return q.all<Message>(
    `SELECT id, visibility, body, author, created_at AS "createdAt" FROM complaints_messages WHERE case_id = ?${internal ? '' : " AND visibility = 'customer'"} ORDER BY seq`,
    [caseId],
  )
}

/** How many history entries a case has (part of event keys). @example await historyCount(tx, id) // 3 */
export async function historyCount(q: Queryable, caseId: string): Promise<number> {
  const row = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM complaints_history WHERE case_id = ?', [caseId])
  return Number(row?.n ?? 0)
}

/**
 * @module
 * Reads, locks, inserts and lists cases. Locking on PostgreSQL takes the customer's profile lock
 * first (as the event path does), then the case row, so routes never deadlock with events.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { CaseStatus, caseSchema } from '../../shared/schemas.js'
import type { z } from '@rapport/plugin-sdk'

/** A case as routes return it. */
export type Case = z.infer<typeof caseSchema>

type CaseRow = {
  seq: number; id: string; customer_id: string; status: string; channel: string; category: string; priority: string; description: string
  order_ref: string | null; assignee_id: string | null; resolution_code: string | null; resolution_summary: string | null
  created_by: string; created_at: string; updated_at: string; resolved_at: string | null
}

const COLUMNS = `seq, id, customer_id, status, channel, category, priority, description, order_ref, assignee_id,
  resolution_code, resolution_summary, created_by, created_at, updated_at, resolved_at`
const BY_ID = `SELECT ${COLUMNS} FROM complaints_cases WHERE id = ?`
const INSERT = `INSERT INTO complaints_cases (id, customer_id, status, channel, category, priority, description, order_ref,
  created_by, created_at, updated_at) VALUES (?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?)`
const SAVE = `UPDATE complaints_cases SET status = ?, assignee_id = ?, resolution_code = ?, resolution_summary = ?,
  updated_at = ?, resolved_at = ? WHERE id = ?`

const toCase = (r: CaseRow): Case => ({
  id: r.id, customerId: r.customer_id, status: r.status as Case['status'], channel: r.channel as Case['channel'], category: r.category,
  priority: r.priority as Case['priority'], description: r.description, orderRef: r.order_ref, assigneeId: r.assignee_id,
  resolutionCode: r.resolution_code, resolutionSummary: r.resolution_summary, createdBy: r.created_by,
  createdAt: r.created_at, updatedAt: r.updated_at, resolvedAt: r.resolved_at,
})

/** A new case id. @example newId('cmp') // 'cmp_3f…' */
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`

/** @example const found = await findCase(ctx.db, id) */
export async function findCase(q: Queryable, id: string): Promise<Case | undefined> {
  const row = await q.get<CaseRow>(BY_ID, [id])
  return row && toCase(row)
}

/**
 * Reads the case and holds its row until the transaction ends.
 * @example const found = await lockCase(tx, ctx, id)
 */
export async function lockCase(tx: Queryable, ctx: Pick<PluginContext, 'updateProfile'>, id: string): Promise<Case | undefined> {
  if (tx.dialect !== 'pg') return findCase(tx, id)
  const seen = await findCase(tx, id)
  if (!seen) return undefined
  await ctx.updateProfile(tx, seen.customerId, {}, { id: 'lock' })
  const row = await tx.get<CaseRow>(`${BY_ID} FOR UPDATE`, [id])
  return row && toCase(row)
}

/** What an intake writes. */
export type NewCase = Pick<Case, 'id' | 'customerId' | 'channel' | 'category' | 'priority' | 'description' | 'orderRef' | 'createdBy'>

/** @example await insertCase(tx, { id, customerId, ... }, now) */
export async function insertCase(tx: Queryable, c: NewCase, at: string): Promise<void> {
  await tx.run(INSERT, [c.id, c.customerId, c.channel, c.category, c.priority, c.description, c.orderRef, c.createdBy, at, at])
}

/** Saves the mutable columns of a case. @example await saveCase(tx, { ...found, status: 'open' }) */
export async function saveCase(tx: Queryable, c: Case): Promise<void> {
  await tx.run(SAVE, [c.status, c.assigneeId, c.resolutionCode, c.resolutionSummary, c.updatedAt, c.resolvedAt, c.id])
}

/** Filters of a list. */
export type CaseFilter = { status?: CaseStatus | undefined; assignee?: string | undefined; customerId?: string | undefined; cursor?: string | undefined; limit: number }

/** Newest first, keyed on `seq`. @example const page = await listCases(ctx.db, { status: 'open', limit: 50 }) */
export async function listCases(q: Queryable, f: CaseFilter): Promise<{ items: Case[]; nextCursor: string | null }> {
  const where: string[] = []
  const params: Array<string | number> = []
  if (f.status) { where.push('status = ?'); params.push(f.status) }
  if (f.assignee) { where.push('assignee_id = ?'); params.push(f.assignee) }
  if (f.customerId) { where.push('customer_id = ?'); params.push(f.customerId) }
  if (f.cursor) { where.push('seq < ?'); params.push(Number(f.cursor)) }
  const sql = `SELECT ${COLUMNS} FROM complaints_cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`
  const rows = await q.all<CaseRow>(sql, [...params, f.limit + 1])
  const page = rows.slice(0, f.limit)
  const last = page[page.length - 1]
  return { items: page.map(toCase), nextCursor: rows.length > f.limit && last ? String(last.seq) : null }
}

/** The customer's counts, mirrored into the profile. @example await customerCounts(tx, id) // { open: 1, total: 3, lastAt } */
export async function customerCounts(q: Queryable, customerId: string): Promise<{ open: number; total: number; lastAt: string | null }> {
  const row = await q.get<{ open: number | null; total: number; last_at: string | null }>(
    `SELECT SUM(CASE WHEN status IN ('resolved', 'closed') THEN 0 ELSE 1 END) AS open, COUNT(*) AS total, MAX(created_at) AS last_at
     FROM complaints_cases WHERE customer_id = ?`, [customerId])
  return { open: Number(row?.open ?? 0), total: Number(row?.total ?? 0), lastAt: row?.last_at ?? null }
}

/**
 * @module
 * Follow-up visits (回访): scheduled a set number of days after a case is resolved, listed to
 * agents when due, cancelled by a reopen, and completed with the visit's outcome.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { followUpSchema } from '../../shared/schemas.js'

/** A follow-up visit as routes return it. */
export type FollowUp = z.infer<typeof followUpSchema>

type Row = {
  id: string; case_id: string; customer_id: string | null; due_at: string; status: FollowUp['status']; reached: number | null; satisfied: number | null
  notes: string | null; recorded_by: string | null; recorded_at: string | null; created_at: string
}
const COLUMNS = 'id, case_id, customer_id, due_at, status, reached, satisfied, notes, recorded_by, recorded_at, created_at'
const bool = (v: number | null) => (v === null ? null : Number(v) === 1)
const toFollowUp = (r: Row): FollowUp => ({
  id: r.id, caseId: r.case_id, customerId: r.customer_id, dueAt: r.due_at, status: r.status, reached: bool(r.reached), satisfied: bool(r.satisfied),
  notes: r.notes, recordedBy: r.recorded_by, recordedAt: r.recorded_at, createdAt: r.created_at,
})

/** @example await scheduleFollowUp(tx, { id, caseId, customerId, dueAt, createdAt }) */
export async function scheduleFollowUp(tx: Queryable, f: Pick<FollowUp, 'id' | 'caseId' | 'customerId' | 'dueAt' | 'createdAt'>): Promise<void> {
  await tx.run("INSERT INTO complaints_follow_ups (id, case_id, customer_id, due_at, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)",
    [f.id, f.caseId, f.customerId, f.dueAt, f.createdAt])
}

/** Cancels the case's pending visits; returns their ids. @example await cancelPending(tx, caseId) */
export async function cancelPending(tx: Queryable, caseId: string): Promise<string[]> {
  const rows = await tx.all<{ id: string }>("SELECT id FROM complaints_follow_ups WHERE case_id = ? AND status = 'pending'", [caseId])
  if (rows.length) await tx.run("UPDATE complaints_follow_ups SET status = 'cancelled' WHERE case_id = ? AND status = 'pending'", [caseId])
  return rows.map((r) => r.id)
}

/** @example await findFollowUp(tx, id) */
export async function findFollowUp(q: Queryable, id: string, lock = false): Promise<FollowUp | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM complaints_follow_ups WHERE id = ?${lock && q.dialect === 'pg' ? ' FOR UPDATE' : ''}`, [id])
  return row && toFollowUp(row)
}

/** The case's visits, oldest first. @example await caseFollowUps(ctx.db, caseId) */
export async function caseFollowUps(q: Queryable, caseId: string): Promise<FollowUp[]> {
  return (await q.all<Row>(`SELECT ${COLUMNS} FROM complaints_follow_ups WHERE case_id = ? ORDER BY seq`, [caseId])).map(toFollowUp)
}

/** Visits by status, earliest due first; `dueBy` keeps those due at or before it. @example await listFollowUps(ctx.db, { status: 'pending', dueBy: now, limit: 50 }) */
export async function listFollowUps(q: Queryable, f: { status?: FollowUp['status'] | undefined; dueBy?: string | undefined; limit: number }): Promise<FollowUp[]> {
  const where: string[] = []
  const params: string[] = []
  if (f.status) { where.push('status = ?'); params.push(f.status) }
  if (f.dueBy) { where.push('due_at <= ?'); params.push(f.dueBy) }
  const rows = await q.all<Row>(`SELECT ${COLUMNS} FROM complaints_follow_ups ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY due_at, seq LIMIT ?`, [...params, f.limit])
  return rows.map(toFollowUp)
}

/** Stores the outcome of a visit. @example await saveOutcome(tx, id, { reached: true, satisfied: true, notes: null, recordedBy, recordedAt }) */
export async function saveOutcome(tx: Queryable, id: string, o: { reached: boolean; satisfied: boolean | null; notes: string | null; recordedBy: string; recordedAt: string }): Promise<void> {
  await tx.run("UPDATE complaints_follow_ups SET status = 'done', reached = ?, satisfied = ?, notes = ?, recorded_by = ?, recorded_at = ? WHERE id = ?",
    [o.reached ? 1 : 0, o.satisfied === null ? null : o.satisfied ? 1 : 0, o.notes, o.recordedBy, o.recordedAt, id])
}

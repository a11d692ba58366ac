/**
 * @module
 * Follow-up visits (回访): stored, listed to agents when due (by owner), rescheduled, cancelled by
 * a reopen, and closed with their outcome. The calls themselves are in attempt-store.ts.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { followUpSchema } from '../../shared/visit-schemas.js'

/** A follow-up visit as routes return it. */
export type FollowUp = z.infer<typeof followUpSchema>

type Row = {
  id: string; case_id: string | null; customer_id: string | null; due_at: string; status: FollowUp['status']; reached: number | boolean | null; satisfied: number | boolean | null
  notes: string | null; recorded_by: string | null; recorded_at: string | null; created_at: string; owner_id: string | null; attempts: number | string; plan_id: string | null
}
const COLUMNS = 'id, case_id, customer_id, due_at, status, reached, satisfied, notes, recorded_by, recorded_at, created_at, owner_id, attempts, plan_id'
const bool = (v: number | boolean | null) => (v === null ? null : Number(v) === 1)
const toFollowUp = (r: Row): FollowUp => ({
  id: r.id, caseId: r.case_id, customerId: r.customer_id, dueAt: r.due_at, status: r.status, reached: bool(r.reached), satisfied: bool(r.satisfied),
  notes: r.notes, recordedBy: r.recorded_by, recordedAt: r.recorded_at, createdAt: r.created_at, ownerId: r.owner_id, attempts: Number(r.attempts), planId: r.plan_id,
})

/** What a new visit takes; a plan's visit also names its period (one per customer, plan and period). */
export type NewFollowUp = Pick<FollowUp, 'id' | 'caseId' | 'customerId' | 'dueAt' | 'createdAt' | 'ownerId'> & { planId?: string; periodKey?: string }

/** Stores a pending visit; false when the plan already has one for that customer and period. @example await scheduleFollowUp(tx, { id, caseId, customerId, dueAt, createdAt, ownerId: null }) */
export async function scheduleFollowUp(tx: Queryable, f: NewFollowUp): Promise<boolean> {
  const res = await tx.run(
    "INSERT INTO complaints_follow_ups (id, case_id, customer_id, due_at, status, created_at, owner_id, plan_id, period_key) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    [f.id, f.caseId, f.customerId, f.dueAt, f.createdAt, f.ownerId, f.planId ?? null, f.periodKey ?? null])
  return res.changes > 0
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

/** Filters of {@link listFollowUps}; `dueBy` keeps those due at or before it. */
export type FollowUpFilter = { status?: FollowUp['status'] | undefined; dueBy?: string | undefined; ownerId?: string | undefined; planId?: string | undefined; limit: number }

/** Visits, earliest due first. @example await listFollowUps(ctx.db, { status: 'pending', dueBy: now, ownerId, limit: 50 }) */
export async function listFollowUps(q: Queryable, f: FollowUpFilter): Promise<FollowUp[]> {
  const where: string[] = []
  const params: string[] = []
  if (f.status) { where.push('status = ?'); params.push(f.status) }
  if (f.dueBy) { where.push('due_at <= ?'); params.push(f.dueBy) }
  if (f.ownerId) { where.push('owner_id = ?'); params.push(f.ownerId) }
  if (f.planId) { where.push('plan_id = ?'); params.push(f.planId) }
  const rows = await q.all<Row>(`SELECT ${COLUMNS} FROM complaints_follow_ups ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY due_at, seq LIMIT ?`, [...params, f.limit])
  return rows.map(toFollowUp)
}

/** Closes a visit with its outcome (`done` when reached, `unreachable` otherwise). @example await closeFollowUp(tx, id, { status: 'done', reached: true, satisfied: true, notes: null, recordedBy, recordedAt }) */
export async function closeFollowUp(tx: Queryable, id: string, o: { status: 'done' | 'unreachable'; reached: boolean; satisfied: boolean | null; notes: string | null; recordedBy: string; recordedAt: string }): Promise<void> {
  await tx.run('UPDATE complaints_follow_ups SET status = ?, reached = ?, satisfied = ?, notes = ?, recorded_by = ?, recorded_at = ?, attempts = attempts + 1 WHERE id = ?',
    [o.status, o.reached ? 1 : 0, o.satisfied === null ? null : o.satisfied ? 1 : 0, o.notes, o.recordedBy, o.recordedAt, id])
}

/** Counts an unanswered call and sets the next try. @example await retryFollowUp(tx, id, nextDueAt) */
export async function retryFollowUp(tx: Queryable, id: string, dueAt: string): Promise<void> {
  await tx.run('UPDATE complaints_follow_ups SET due_at = ?, attempts = attempts + 1 WHERE id = ?', [dueAt, id])
}

/** Moves a pending visit or changes its owner. @example await updateFollowUp(tx, id, { dueAt, ownerId }) */
export async function updateFollowUp(tx: Queryable, id: string, f: Pick<FollowUp, 'dueAt' | 'ownerId'>): Promise<void> {
  await tx.run('UPDATE complaints_follow_ups SET due_at = ?, owner_id = ? WHERE id = ?', [f.dueAt, f.ownerId, id])
}

/**
 * @module
 * The calls of a follow-up visit, one row each: how it went, who called, when.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { visitAttemptSchema } from '../../shared/visit-schemas.js'

/** One call. */
export type VisitAttempt = z.infer<typeof visitAttemptSchema>

/** @example await insertAttempt(tx, visitId, { outcome: 'not_reached', satisfied: null, notes: null, recordedBy, at }) */
export async function insertAttempt(tx: Queryable, followUpId: string, a: VisitAttempt): Promise<void> {
  await tx.run('INSERT INTO complaints_visit_attempts (follow_up_id, outcome, satisfied, notes, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?)',
    [followUpId, a.outcome, a.satisfied === null ? null : a.satisfied ? 1 : 0, a.notes, a.recordedBy, a.at])
}

type Row = { outcome: VisitAttempt['outcome']; satisfied: number | boolean | null; notes: string | null; recorded_by: string; at: string }

/** Oldest first. @example await visitAttempts(ctx.db, visitId) */
export async function visitAttempts(q: Queryable, followUpId: string): Promise<VisitAttempt[]> {
  const rows = await q.all<Row>('SELECT outcome, satisfied, notes, recorded_by, at FROM complaints_visit_attempts WHERE follow_up_id = ? ORDER BY seq', [followUpId])
  return rows.map((r) => ({ outcome: r.outcome, satisfied: r.satisfied === null ? null : Number(r.satisfied) === 1, notes: r.notes, recordedBy: r.recorded_by, at: r.at }))
}

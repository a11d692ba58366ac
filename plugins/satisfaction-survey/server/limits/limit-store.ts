/**
 * @module
 * Reads and saves a survey's limits, recounts its cells from the completed responses when they are
 * saved, and claims a response's cells in its completion's transaction: each cell is one row
 * raised with `n = n + 1 WHERE n < max`, so two concurrent completions cannot both take the last
 * place (PostgreSQL re-checks the condition on the locked row; SQLite has one writer).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { type SurveyLimits, surveyLimitsSchema } from '../../shared/limit-schemas.js'
import { surveyErrors } from '../errors.js'
import { fromJson } from '../json-column.js'
import { type Cell, cellsOf, dayOf } from './limit-cells.js'

/** A survey's limits, or null when it has none. @example const limits = await readLimits(tx, surveyId) */
export async function readLimits(q: Queryable, surveyId: string): Promise<SurveyLimits | null> {
  const row = await q.get<{ settings: unknown }>('SELECT settings FROM satisfaction_limit_settings WHERE survey_id = ?', [surveyId])
  return row ? surveyLimitsSchema.parse(fromJson(row.settings)) : null
}

/** Completed responses in a cell. @example await cellCount(tx, surveyId, 'total') */
export async function cellCount(q: Queryable, surveyId: string, cell: string): Promise<number> {
  const row = await q.get<{ n: number | string }>('SELECT n FROM satisfaction_limit_counts WHERE survey_id = ? AND cell = ?', [surveyId, cell])
  return row ? Number(row.n) : 0
}

/** Saves the limits (null: none) and recounts every cell from the survey's completed responses. @example await saveLimits(tx, surveyId, limits, now, 'Asia/Shanghai') */
export async function saveLimits(tx: Queryable, surveyId: string, limits: SurveyLimits | null, now: Date, timeZone: string): Promise<void> {
  await tx.run('DELETE FROM satisfaction_limit_counts WHERE survey_id = ?', [surveyId])
  if (limits === null) return void (await tx.run('DELETE FROM satisfaction_limit_settings WHERE survey_id = ?', [surveyId]))
  await tx.run(`INSERT INTO satisfaction_limit_settings (survey_id, settings, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (survey_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`, [surveyId, JSON.stringify(limits), now.toISOString()])
  const rows = await tx.all<{ answers: unknown; profile_snapshot: unknown; completed_at: string }>(
    "SELECT answers, profile_snapshot, completed_at FROM satisfaction_responses WHERE survey_id = ? AND status = 'completed'", [surveyId])
  const counts = new Map<string, number>()
  for (const r of rows) {
    const cells = cellsOf(limits, { answers: fromJson(r.answers), profile: fromJson(r.profile_snapshot), day: dayOf(new Date(r.completed_at), timeZone) })
    for (const { cell } of cells) counts.set(cell, (counts.get(cell) ?? 0) + 1)
  }
  for (const [cell, n] of counts) await tx.run('INSERT INTO satisfaction_limit_counts (survey_id, cell, n) VALUES (?, ?, ?)', [surveyId, cell, n])
}

const refusal = (surveyId: string, c: Cell, max: number) => c.quota
  ? surveyErrors.QUOTA_FULL({ surveyId, key: c.quota.key, value: c.quota.value, max })
  : surveyErrors.CAP_REACHED({ surveyId, limit: c.cell === 'total' ? 'total' : 'day', max })

/**
 * Counts a completing response in its cells, or throws SURVEY_CAP_REACHED / SURVEY_QUOTA_FULL (409)
 * for the first full one (the caller's transaction rolls back what was raised before it).
 * @example await claimCells(tx, surveyId, limits, { answers, profile, day })
 */
export async function claimCells(tx: Queryable, surveyId: string, limits: SurveyLimits, r: Parameters<typeof cellsOf>[1]): Promise<void> {
  for (const c of cellsOf(limits, r)) {
    await tx.run('INSERT INTO satisfaction_limit_counts (survey_id, cell, n) VALUES (?, ?, 0) ON CONFLICT (survey_id, cell) DO NOTHING', [surveyId, c.cell])
    const raise = 'UPDATE satisfaction_limit_counts SET n = n + 1 WHERE survey_id = ? AND cell = ?'
    const { changes } = c.max === null ? await tx.run(raise, [surveyId, c.cell]) : await tx.run(`${raise} AND n < ?`, [surveyId, c.cell, c.max])
    if (changes === 0 && c.max !== null) throw refusal(surveyId, c, c.max)
  }
}

/**
 * Before an invitation: the customer is in the sample, and no cap, nor the quota of one of their
 * profile fields, is full already (answer quotas are known only on submission).
 * @example await checkInvitationCells(tx, surveyId, limits, profile, now, timeZone)
 */
export async function checkInvitationCells(tx: Queryable, surveyId: string, limits: SurveyLimits, profile: Record<string, unknown>, now: Date, timeZone: string): Promise<void> {
  const profileOnly = { ...limits, quotas: limits.quotas.map((q) => (q.source === 'profile' ? q : { ...q, key: '' })) }
  for (const c of cellsOf(profileOnly, { answers: {}, profile, day: dayOf(now, timeZone) })) {
    if (c.max !== null && (await cellCount(tx, surveyId, c.cell)) >= c.max) throw refusal(surveyId, c, c.max)
  }
}

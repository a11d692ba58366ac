/**
 * @module
 * Stored responses: partial ones (resumable through the same link) and completed ones, each
 * pinned to the version it answered. Statements are constant strings, so each is prepared once.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { responseSchema } from '../../shared/schemas.js'
import { fromJson } from '../json-column.js'

/** A response as staff see it. */
export type SurveyResponse = z.infer<typeof responseSchema>

type Row = {
  seq: number; id: string; survey_id: string; version: number; invitation_id: string | null; customer_id: string | null; channel: 'link' | 'public' | 'import'
  status: 'partial' | 'completed'; locale: string; answers: unknown; hidden: unknown; profile_snapshot: unknown
  nps: number | null; csat: number | null; ces: number | null; started_at: string; completed_at: string | null
}

const COLUMNS = `seq, id, survey_id, version, invitation_id, customer_id, channel, status, locale, answers, hidden, profile_snapshot, nps, csat, ces, started_at, completed_at`
type SqlValue = string | number | null
const num = (v: number | null): number | null => (v === null ? null : Number(v))

const toResponse = (r: Row): SurveyResponse => ({
  id: r.id, surveyId: r.survey_id, version: Number(r.version), invitationId: r.invitation_id, customerId: r.customer_id, channel: r.channel,
  status: r.status, locale: r.locale, answers: fromJson(r.answers), hidden: fromJson(r.hidden), profileSnapshot: fromJson(r.profile_snapshot),
  scores: { nps: num(r.nps), csat: num(r.csat), ces: num(r.ces) }, startedAt: r.started_at, completedAt: r.completed_at,
})

/** What a new response row holds. */
export type NewResponse = {
  id: string; surveyId: string; versionId: string; version: number; invitationId: string | null; customerId: string | null; channel: 'link' | 'public' | 'import'
  status: 'partial' | 'completed'; locale: string; answers: Record<string, unknown>; hidden: Record<string, unknown>; profileSnapshot: Record<string, unknown>
  scores: { nps: number | null; csat: number | null; ces: number | null }; clientKey: string | null; proofChallenge: string | null; at: string
}

const INSERT = `INSERT INTO satisfaction_responses (id, survey_id, version_id, version, invitation_id, customer_id, channel, status, locale, answers, hidden,
  profile_snapshot, nps, csat, ces, client_key, proof_challenge, started_at, updated_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** @example await insertResponse(tx, response) */
export async function insertResponse(tx: Queryable, r: NewResponse): Promise<void> {
  const params: SqlValue[] = [r.id, r.surveyId, r.versionId, r.version, r.invitationId, r.customerId, r.channel, r.status, r.locale, JSON.stringify(r.answers),
    JSON.stringify(r.hidden), JSON.stringify(r.profileSnapshot), r.scores.nps, r.scores.csat, r.scores.ces, r.clientKey, r.proofChallenge, r.at, r.at,
    r.status === 'completed' ? r.at : null]
  await tx.run(INSERT, params)
}

/** Replaces a partial response's answers. @example await savePartialAnswers(tx, id, answers, 'zh-CN', now) */
export async function savePartialAnswers(tx: Queryable, id: string, answers: Record<string, unknown>, locale: string, at: string): Promise<void> {
  await tx.run("UPDATE satisfaction_responses SET answers = ?, locale = ?, updated_at = ? WHERE id = ? AND status = 'partial'", [JSON.stringify(answers), locale, at, id])
}

/** Completes a partial response with the accepted answers. @example await completeResponse(tx, id, completion) */
export async function completeResponse(tx: Queryable, id: string, c: Pick<NewResponse, 'answers' | 'locale' | 'profileSnapshot' | 'scores' | 'at'>): Promise<void> {
  await tx.run(
    "UPDATE satisfaction_responses SET status = 'completed', answers = ?, locale = ?, profile_snapshot = ?, nps = ?, csat = ?, ces = ?, updated_at = ?, completed_at = ? WHERE id = ? AND status = 'partial'",
    [JSON.stringify(c.answers), c.locale, JSON.stringify(c.profileSnapshot), c.scores.nps, c.scores.csat, c.scores.ces, c.at, c.at, id],
  )
}

/** The response of an invitation, partial or completed. @example await responseOfInvitation(tx, invitationId) */
export async function responseOfInvitation(q: Queryable, invitationId: string): Promise<SurveyResponse | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM satisfaction_responses WHERE invitation_id = ?`, [invitationId])
  return row && toResponse(row)
}

/** The completed public response of a client, if any. @example await responseOfClient(tx, key) */
export async function responseIdOfClient(q: Queryable, clientKey: string): Promise<string | undefined> {
  return (await q.get<{ id: string }>('SELECT id FROM satisfaction_responses WHERE client_key = ?', [clientKey]))?.id
}

/** @example await findResponse(ctx.db, id) */
export async function findResponse(q: Queryable, id: string): Promise<SurveyResponse | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM satisfaction_responses WHERE id = ?`, [id])
  return row && toResponse(row)
}

/** Filters of a list. */
export type ResponseFilter = {
  surveyId?: string | undefined; version?: number | undefined; customerId?: string | undefined; from?: string | undefined; to?: string | undefined
  status: 'partial' | 'completed'; cursor?: string | undefined; limit: number
}

/** Newest first, keyed on `seq`; dates filter `completedAt` (or `startedAt` for partial ones). @example await listResponses(ctx.db, { surveyId, status: 'completed', limit: 50 }) */
export async function listResponses(q: Queryable, f: ResponseFilter): Promise<{ items: SurveyResponse[]; nextCursor: string | null }> {
  const at = f.status === 'completed' ? 'completed_at' : 'started_at'
  const where = ['status = ?']
  const params: SqlValue[] = [f.status]
  if (f.surveyId) { where.push('survey_id = ?'); params.push(f.surveyId) }
  if (f.version !== undefined) { where.push('version = ?'); params.push(f.version) }
  if (f.customerId) { where.push('customer_id = ?'); params.push(f.customerId) }
  if (f.from) { where.push(`${at} >= ?`); params.push(new Date(f.from).toISOString()) }
  if (f.to) { where.push(`${at} < ?`); params.push(new Date(f.to).toISOString()) }
  if (f.cursor) { where.push('seq < ?'); params.push(Number(f.cursor)) }
  const rows = await q.all<Row>(`SELECT ${COLUMNS} FROM satisfaction_responses WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`, [...params, f.limit + 1])
  const page = rows.slice(0, f.limit)
  const last = page[page.length - 1]
  return { items: page.map(toResponse), nextCursor: rows.length > f.limit && last ? String(last.seq) : null }
}

const LAST_SCORE = (column: 'nps' | 'ces') =>
  `(SELECT ${column} FROM satisfaction_responses WHERE customer_id = ? AND status = 'completed' AND ${column} IS NOT NULL ORDER BY completed_at DESC, seq DESC LIMIT 1)`
// One statement for all five: it runs on every completed response.
const AGGREGATES = `SELECT COUNT(*) AS n, AVG(csat) AS avg_csat, MAX(completed_at) AS last_at, ${LAST_SCORE('nps')} AS last_nps, ${LAST_SCORE('ces')} AS last_ces
  FROM satisfaction_responses WHERE customer_id = ? AND status = 'completed'`

const AVERAGE_CSAT = "SELECT AVG(csat) AS avg_csat FROM satisfaction_responses WHERE customer_id = ? AND status = 'completed'"

/** The average CSAT of the customer's completed responses (null without one). @example await averageCsat(tx, id) */
export async function averageCsat(q: Queryable, customerId: string): Promise<number | null> {
  const row = await q.get<{ avg_csat: number | null }>(AVERAGE_CSAT, [customerId])
  return row?.avg_csat === null || row?.avg_csat === undefined ? null : Number(row.avg_csat)
}

/** The customer's completed-response aggregates, mirrored into the profile. @example await customerAggregates(tx, id) */
export async function customerAggregates(q: Queryable, customerId: string): Promise<{ responses: number; avgCsat: number | null; lastAt: string | null; lastNps: number | null; lastCes: number | null }> {
  const agg = await q.get<{ n: number; avg_csat: number | null; last_at: string | null; last_nps: number | null; last_ces: number | null }>(AGGREGATES, [customerId, customerId, customerId])
  return {
    responses: Number(agg?.n ?? 0), avgCsat: agg?.avg_csat === null || agg?.avg_csat === undefined ? null : Number(agg.avg_csat),
    lastAt: agg?.last_at ?? null, lastNps: num(agg?.last_nps ?? null), lastCes: num(agg?.last_ces ?? null),
  }
}

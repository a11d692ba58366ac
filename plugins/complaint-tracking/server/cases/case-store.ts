/**
 * @module
 * Reads, locks, inserts and lists cases. Locking on PostgreSQL takes the customer's profile lock
 * first (as the event path does), then the case row, so routes never deadlock with events.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { CaseStatus, caseSchema } from '../../shared/schemas.js'
import type { z } from '@rapport/plugin-sdk'
import type { SlaTerms } from '../sla/sla-clock.js'

/** A case as routes return it. */
export type Case = z.infer<typeof caseSchema>

type CaseRow = {
  seq: number; id: string; customer_id: string | null; status: string; channel: string; category: string; priority: string; description: string
  order_ref: string | null; assignee_id: string | null; resolution_code: string | null; resolution_summary: string | null
  created_by: string; created_at: string; updated_at: string; resolved_at: string | null
  sla_warn_at: string | null; sla_breach_at: string | null; first_response_at: string | null; reopen_count: number
  goodwill_points: number | null; csat: number | null; contact: unknown; sla: unknown; case_number: string | null; merged_into: string | null; custom_fields: unknown
}

const COLUMNS = `seq, id, customer_id, status, channel, category, priority, description, order_ref, assignee_id,
  resolution_code, resolution_summary, created_by, created_at, updated_at, resolved_at, sla_warn_at, sla_breach_at,
  first_response_at, reopen_count, goodwill_points, csat, contact, sla, case_number, merged_into, custom_fields`
const BY_ID = `SELECT ${COLUMNS} FROM complaints_cases WHERE id = ?`
const INSERT = `INSERT INTO complaints_cases (id, customer_id, status, channel, category, priority, description, order_ref,
  created_by, created_at, updated_at, sla, source_key, contact, case_number) VALUES (?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const SAVE = `UPDATE complaints_cases SET status = ?, category = ?, priority = ?, assignee_id = ?, resolution_code = ?, resolution_summary = ?,
  updated_at = ?, resolved_at = ?, first_response_at = ?, reopen_count = ?, goodwill_points = ? WHERE id = ?`

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v ?? null)

/** A case row with its pinned SLA terms (not part of the HTTP shape). */
export type StoredCase = Case & { terms: SlaTerms | null }

/** The SLA state shown in lists: from the stored crossing times, against now. */
export function slaStateAt(warnAt: string | null, breachAt: string | null, hasTerms: boolean, now: Date): Case['slaState'] {
  if (!hasTerms) return null
  const at = now.toISOString()
  return breachAt !== null && breachAt <= at ? 'breached' : warnAt !== null && warnAt <= at ? 'warning' : 'ok'
}

const toCase = (r: CaseRow, now: Date): StoredCase => ({
  id: r.id, caseNumber: r.case_number ?? '', customerId: r.customer_id, status: r.status as Case['status'], channel: r.channel as Case['channel'], category: r.category,
  priority: r.priority as Case['priority'], description: r.description, orderRef: r.order_ref, assigneeId: r.assignee_id,
  resolutionCode: r.resolution_code, resolutionSummary: r.resolution_summary, createdBy: r.created_by,
  createdAt: r.created_at, updatedAt: r.updated_at, resolvedAt: r.resolved_at,
  firstResponseAt: r.first_response_at, reopenCount: Number(r.reopen_count), goodwillPoints: r.goodwill_points === null ? null : Number(r.goodwill_points),
  csat: r.csat === null ? null : Number(r.csat), contact: parsed(r.contact) as Case['contact'],
  slaState: slaStateAt(r.sla_warn_at, r.sla_breach_at, r.sla !== null, now), slaWarnAt: r.sla_warn_at, slaBreachAt: r.sla_breach_at,
  mergedInto: r.merged_into, fields: (parsed(r.custom_fields) ?? {}) as Case['fields'], terms: parsed(r.sla) as SlaTerms | null,
})

/** The HTTP shape of a stored case. @example c.json(publicCase(found)) */
export const publicCase = ({ terms: _terms, ...c }: StoredCase): Case => c

/** A new case id. @example newId('cmp') // 'cmp_3f…' */
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`

/** @example const found = await findCase(ctx.db, id, ctx.now()) */
export async function findCase(q: Queryable, id: string, now: Date): Promise<StoredCase | undefined> {
  const row = await q.get<CaseRow>(BY_ID, [id])
  return row && toCase(row, now)
}

/**
 * Reads the case and holds its row until the transaction ends.
 * @example const found = await lockCase(tx, ctx, id)
 */
export async function lockCase(tx: Queryable, ctx: Pick<PluginContext, 'updateProfile' | 'now'>, id: string): Promise<StoredCase | undefined> {
  if (tx.dialect !== 'pg') return findCase(tx, id, ctx.now())
  const seen = await findCase(tx, id, ctx.now())
  if (!seen) return undefined
  if (seen.customerId !== null) await ctx.updateProfile(tx, seen.customerId, {}, { id: 'lock' })
  const row = await tx.get<CaseRow>(`${BY_ID} FOR UPDATE`, [id])
  return row && toCase(row, ctx.now())
}

/** What an intake writes. */
export type NewCase = Pick<Case, 'id' | 'caseNumber' | 'customerId' | 'channel' | 'category' | 'priority' | 'description' | 'orderRef' | 'createdBy' | 'contact'> & {
  terms: SlaTerms | null; sourceKey: string | null
}

/** @example await insertCase(tx, { id, customerId, ... }, now) */
export async function insertCase(tx: Queryable, c: NewCase, at: string): Promise<void> {
  await tx.run(INSERT, [c.id, c.customerId, c.channel, c.category, c.priority, c.description, c.orderRef, c.createdBy, at, at,
    c.terms && JSON.stringify(c.terms), c.sourceKey, c.contact && JSON.stringify(c.contact), c.caseNumber])
}

/** Saves the mutable columns of a case. @example await saveCase(tx, { ...found, status: 'open' }) */
export async function saveCase(tx: Queryable, c: Case): Promise<void> {
  await tx.run(SAVE, [c.status, c.category, c.priority, c.assigneeId, c.resolutionCode, c.resolutionSummary, c.updatedAt, c.resolvedAt, c.firstResponseAt,
    c.reopenCount, c.goodwillPoints, c.id])
}

/** Stores a case's custom field values. @example await saveFields(tx, id, { carrier: 'sf' }) */
export async function saveFields(tx: Queryable, id: string, values: Case['fields']): Promise<void> {
  await tx.run('UPDATE complaints_cases SET custom_fields = ? WHERE id = ?', [JSON.stringify(values), id])
}

/** Marks a case as a duplicate merged into another, closed. @example await markMerged(tx, dupId, survivorId, at) */
export async function markMerged(tx: Queryable, id: string, into: string, at: string): Promise<void> {
  await tx.run("UPDATE complaints_cases SET status = 'closed', merged_into = ?, updated_at = ? WHERE id = ?", [into, at, id])
}

/** Stores when the case's SLA crosses its warning and its target. @example await saveSlaCrossings(tx, id, warnAt, breachAt) */
export async function saveSlaCrossings(tx: Queryable, id: string, warnAt: string | null, breachAt: string | null): Promise<void> {
  await tx.run('UPDATE complaints_cases SET sla_warn_at = ?, sla_breach_at = ? WHERE id = ?', [warnAt, breachAt, id])
}

/** The case opened automatically for this source, if any. @example await findBySource(tx, 'survey-response:r1', now) */
export async function findBySource(q: Queryable, sourceKey: string, now: Date): Promise<StoredCase | undefined> {
  const row = await q.get<CaseRow>(`SELECT ${COLUMNS} FROM complaints_cases WHERE source_key = ?`, [sourceKey])
  return row && toCase(row, now)
}

/** Filters of a list. */
export type CaseFilter = {
  status?: CaseStatus | undefined; sla?: 'ok' | 'warning' | 'breached' | undefined; priority?: Case['priority'] | undefined
  category?: string | undefined; channel?: Case['channel'] | undefined; assignee?: string | undefined; customerId?: string | undefined
  number?: string | undefined; tag?: string | undefined; cursor?: string | undefined; limit: number }

/** Newest first, keyed on `seq`. @example const page = await listCases(ctx.db, { status: 'open', limit: 50 }) */
export async function listCases(q: Queryable, f: CaseFilter, now: Date): Promise<{ items: Case[]; nextCursor: string | null }> {
  const where: string[] = []
  const params: Array<string | number> = []
  const at = now.toISOString()
  if (f.status) { where.push('status = ?'); params.push(f.status) }
  if (f.priority) { where.push('priority = ?'); params.push(f.priority) }
  if (f.sla === 'breached') { where.push('sla_breach_at <= ?'); params.push(at) }
  if (f.sla === 'warning') { where.push('sla_warn_at <= ? AND (sla_breach_at IS NULL OR sla_breach_at > ?)'); params.push(at, at) }
  if (f.sla === 'ok') { where.push('sla IS NOT NULL AND (sla_warn_at IS NULL OR sla_warn_at > ?)'); params.push(at) }
  if (f.category) { where.push("(category = ? OR category LIKE ? ESCAPE '\\')"); params.push(f.category, `${f.category.replace(/[\\%_]/g, '\\$&')}.%`) }
  if (f.channel) { where.push('channel = ?'); params.push(f.channel) }
  if (f.assignee) { where.push('assignee_id = ?'); params.push(f.assignee) }
  if (f.customerId) { where.push('customer_id = ?'); params.push(f.customerId) }
  if (f.number) { where.push('case_number = ?'); params.push(f.number) }
  if (f.tag) { where.push('id IN (SELECT case_id FROM complaints_case_tags WHERE tag = ?)'); params.push(f.tag) }
  if (f.cursor) { where.push('seq < ?'); params.push(Number(f.cursor)) }
  const sql = `SELECT ${COLUMNS} FROM complaints_cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`
  const rows = await q.all<CaseRow>(sql, [...params, f.limit + 1])
  const page = rows.slice(0, f.limit)
  const last = page[page.length - 1]
  return { items: page.map((r) => publicCase(toCase(r, now))), nextCursor: rows.length > f.limit && last ? String(last.seq) : null }
}

/** The customer's counts, mirrored into the profile. @example await customerCounts(tx, id) // { open: 1, total: 3, lastAt } */
export async function customerCounts(q: Queryable, customerId: string): Promise<{ open: number; total: number; lastAt: string | null; lastCsat: number | null }> {
  const row = await q.get<{ open: number | null; total: number; last_at: string | null }>(
    `SELECT SUM(CASE WHEN status IN ('resolved', 'closed') THEN 0 ELSE 1 END) AS open, COUNT(*) AS total, MAX(created_at) AS last_at
     FROM complaints_cases WHERE customer_id = ?`, [customerId])
  const rated = await q.get<{ csat: number }>('SELECT csat FROM complaints_cases WHERE customer_id = ? AND csat IS NOT NULL ORDER BY csat_at DESC, seq DESC LIMIT 1', [customerId])
  return { open: Number(row?.open ?? 0), total: Number(row?.total ?? 0), lastAt: row?.last_at ?? null, lastCsat: rated ? Number(rated.csat) : null }
}

/** Records the CSAT score given for a case. @example await saveCsat(tx, id, 4, at) */
export async function saveCsat(tx: Queryable, id: string, csat: number, at: string): Promise<void> {
  await tx.run('UPDATE complaints_cases SET csat = ?, csat_at = ? WHERE id = ?', [csat, at, id])
}

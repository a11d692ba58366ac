/**
 * @module
 * The invitations created in a range by current status, and the open and response rates.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { type InvitationStatus, invitationStatuses } from '../../shared/schemas.js'
import type { AnalyticsScope } from './analytics-scope.js'

/** Counts by status, each as a share of the total, and the open and response rates (0–1, 4 decimals; null with no invitations). */
export type InvitationRates = {
  total: number; counts: Record<InvitationStatus, number>; rates: Record<InvitationStatus, number | null>; openRate: number | null; responseRate: number | null
}

/** @example await invitationRates(ctx.db, scope) */
export async function invitationRates(q: Queryable, scope: AnalyticsScope): Promise<InvitationRates> {
  const where = ['i.created_at >= ?', 'i.created_at < ?']
  const params: Array<string | number> = [scope.fromAt ?? '', scope.toAt ?? '9999']
  if (scope.surveyId) { where.push('i.survey_id = ?'); params.push(scope.surveyId) }
  if (scope.version !== undefined) { where.push('i.version = ?'); params.push(scope.version) }
  // A partial or completed invitation was opened, even if the page skipped the form read.
  const rows = await q.all<{ status: InvitationStatus; n: number; opened: number }>(
    `SELECT i.status, COUNT(*) AS n, SUM(CASE WHEN i.opened_at IS NOT NULL OR i.status IN ('partial', 'completed') THEN 1 ELSE 0 END) AS opened
     FROM satisfaction_invitations i WHERE ${where.join(' AND ')} GROUP BY i.status`, params)
  const total = rows.reduce((n, r) => n + Number(r.n), 0)
  const rate = (n: number) => (total ? Math.round((n / total) * 10_000) / 10_000 : null)
  const counts = Object.fromEntries(invitationStatuses.map((s) => [s, Number(rows.find((r) => r.status === s)?.n ?? 0)])) as Record<InvitationStatus, number>
  return {
    total, counts,
    rates: Object.fromEntries(invitationStatuses.map((s) => [s, rate(counts[s])])) as Record<InvitationStatus, number | null>,
    openRate: rate(rows.reduce((n, r) => n + Number(r.opened), 0)),
    responseRate: rate(counts.completed),
  }
}

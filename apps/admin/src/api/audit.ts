/**
 * @module
 * The audit log call (owners and admins).
 */
import { apiRequest } from '@rapport/admin-kit'
import type { Page } from './types'

/** Who acted or what was changed; `name` when the server still knows it (users, API keys). */
export type AuditParty = { type: string; id: string | null; name: string | null }

/** One audit entry. */
export type AuditEntry = {
  id: string
  at: string
  actor: AuditParty
  action: string
  target: AuditParty | null
  details: Record<string, unknown>
  requestId: string | null
}

/** Filters of the audit list; `from` and `to` are days (YYYY-MM-DD) in the business's time zone. */
export type AuditFilters = { actor?: string; action?: string; targetType?: string; from?: string; to?: string }

/** `GET /api/v1/audit`, newest first. */
export const listAudit = ({ cursor, limit = 50, ...filters }: AuditFilters & { cursor?: string; limit?: number }, signal?: AbortSignal) =>
  apiRequest<Page<AuditEntry>>('/api/v1/audit', { query: { limit, cursor, ...filters }, signal })

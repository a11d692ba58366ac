/**
 * @module
 * The workflow: which status may follow which. Pure; reopening also checks the window.
 */
import type { CaseStatus } from '../../shared/schemas.js'

/** Allowed next statuses. `resolved → open` and `closed → open` are reopens. @example next.new // ['open'] */
export const next: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['open'],
  open: ['pending_customer', 'pending_third_party', 'resolved'],
  pending_customer: ['open', 'pending_third_party', 'resolved'],
  pending_third_party: ['open', 'pending_customer', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
}

/** Statuses that count as open in `complaints.open`. @example isActive('pending_customer') // true */
export const isActive = (status: CaseStatus): boolean => status !== 'resolved' && status !== 'closed'

/** True when going back to `open` from a finished case. @example isReopen('closed', 'open') // true */
export const isReopen = (from: CaseStatus, to: CaseStatus): boolean => !isActive(from) && to === 'open'

/** True when the reopen window is still open at `now`. @example withinWindow('2026-01-01T00:00:00Z', 14, new Date('2026-01-10')) // true */
export const withinWindow = (resolvedAt: string, days: number, now: Date): boolean =>
  now.getTime() <= Date.parse(resolvedAt) + days * 86_400_000

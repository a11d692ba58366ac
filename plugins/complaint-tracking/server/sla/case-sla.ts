/**
 * @module
 * A stored case's SLA clocks, read from its history (status changes) and messages (staff replies
 * to the customer); keeping the stored crossing times current; recording whether a stopped
 * target was met (for hit rates).
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { CaseStatus } from '../../shared/schemas.js'
import { type StoredCase, saveSlaCrossings } from '../cases/case-store.js'
import { calendarOf } from './calendar-of.js'
import { caseClocks, type SlaTarget, type TargetClock, worstState } from './sla-clock.js'
import type { SlaConfig } from './sla-config.js'

/** The SLA block of a case view. */
export type CaseSla = { policyId: string; calendarId: string; state: 'ok' | 'warning' | 'breached'; targets: TargetClock[] }

/** Staff replies are customer-visible messages by a user, an API key or the system (the first response of a case imported from the command line). */
const STAFF_REPLIES = `SELECT created_at FROM complaints_messages WHERE case_id = ? AND visibility = 'customer'
  AND (author LIKE 'user:%' OR author LIKE 'apiKey:%' OR author LIKE 'system:%') ORDER BY seq`
const STATUS_CHANGES = "SELECT to_status, at FROM complaints_history WHERE case_id = ? AND action = 'transition' ORDER BY seq"

/** The case's clocks at `now`; null for a case without SLA terms. @example await caseSla(ctx.db, ctx.config.sla, found, ctx.now()) */
export async function caseSla(q: Queryable, sla: SlaConfig, c: StoredCase, now: Date): Promise<CaseSla | null> {
  if (!c.terms) return null
  const changes = await q.all<{ to_status: CaseStatus; at: string }>(STATUS_CHANGES, [c.id])
  const replies = await q.all<{ created_at: string }>(STAFF_REPLIES, [c.id])
  const targets = caseClocks(calendarOf(sla, c.terms.calendarId), c.terms, {
    createdAt: Date.parse(c.createdAt), now: now.getTime(),
    statusChanges: changes.map((r) => ({ to: r.to_status, at: Date.parse(r.at) })),
    staffReplies: replies.map((r) => Date.parse(r.created_at)),
  })
  return { policyId: c.terms.policyId, calendarId: c.terms.calendarId, state: worstState(targets), targets }
}

const earliest = (xs: Array<string | null>): string | null => xs.filter((x): x is string => x !== null).sort()[0] ?? null

/** Recomputes and stores when the case crosses its warning and its target. @example await refreshSla(tx, ctx.config.sla, found, now) */
export async function refreshSla(tx: Queryable, sla: SlaConfig, c: StoredCase, now: Date): Promise<CaseSla | null> {
  const clocks = await caseSla(tx, sla, c, now)
  if (!clocks) return null
  await saveSlaCrossings(tx, c.id, earliest(clocks.targets.map((t) => t.warningAt)), earliest(clocks.targets.map((t) => t.breachAt)))
  return clocks
}

/**
 * Records whether each running clock among `targets` was met, as it stops at `now` (call with the
 * clocks read before the stopping write). Once per case, target and cycle.
 * @example await recordStops(tx, before, ['firstResponse'], at)
 */
export async function recordStops(tx: Queryable, caseId: string, before: CaseSla | null, targets: readonly SlaTarget[], at: string): Promise<void> {
  for (const clock of before?.targets ?? []) {
    if (!clock.running || !targets.includes(clock.target)) continue
    const cycle = clock.target === 'resolution' ? at : clock.cycle
    await tx.run(
      `INSERT INTO complaints_sla_outcomes (case_id, target, cycle, met, elapsed_minutes, target_minutes, at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id, target, cycle) DO NOTHING`,
      [caseId, clock.target, cycle, clock.state === 'breached' ? 0 : 1, clock.elapsedMinutes, clock.targetMinutes, at],
    )
  }
}

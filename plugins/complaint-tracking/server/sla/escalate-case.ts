/**
 * @module
 * Escalates one case: every running SLA target in warning or breached that was not escalated at
 * that level yet emits `complaint.sla.warning` / `complaint.sla.breached` (a target that jumped
 * straight to breached gets both, in order) and applies the policy's actions (notify is the
 * event; reassign; raise priority), all recorded in the case history.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { priorities } from '../../shared/schemas.js'
import type { CaseDeps } from '../cases/case-deps.js'
import { findCase, lockCase, saveCase, type StoredCase } from '../cases/case-store.js'
import { recordHistory } from '../cases/case-log.js'
import { isActive } from '../cases/workflow.js'
import { caseSla, refreshSla } from './case-sla.js'
import type { EscalationAction } from './sla-config.js'

const raise = (p: StoredCase['priority']): StoredCase['priority'] => priorities[Math.min(priorities.indexOf(p) + 1, priorities.length - 1)]!

const describe = (a: EscalationAction) => (a.type === 'reassign' ? `reassign:${a.assigneeId}` : a.type)

/** Returns how many escalations it made. @example await escalateCase(tx, ctx, caseId) */
export async function escalateCase(tx: Queryable, deps: CaseDeps, caseId: string): Promise<number> {
  const found = await lockCase(tx, deps, caseId)
  if (!found || !isActive(found.status) || !found.terms) return 0
  const now = deps.now()
  const at = now.toISOString()
  const sla = await caseSla(tx, deps.config.sla, found, now)
  const policy = deps.config.sla.policies.find((p) => p.id === found.terms!.policyId)
  let c = found
  let made = 0
  for (const clock of sla?.targets ?? []) {
    if (!clock.running || clock.state === 'ok') continue
    for (const level of clock.state === 'breached' ? (['warning', 'breached'] as const) : (['warning'] as const)) {
      const inserted = await tx.run(
        'INSERT INTO complaints_sla_escalations (case_id, target, cycle, level, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, target, cycle, level) DO NOTHING',
        [caseId, clock.target, clock.cycle, level, at])
      if (inserted.changes === 0) continue
      const actions = policy?.escalation[level] ?? []
      for (const a of actions) {
        if (a.type === 'reassign') c = { ...c, assigneeId: a.assigneeId }
        if (a.type === 'raisePriority') c = { ...c, priority: raise(c.priority) }
      }
      await deps.emit(`complaint.sla.${level}`, c.customerId, {
        caseId, target: clock.target, cycle: clock.cycle, policyId: found.terms.policyId, breachAt: clock.breachAt,
        elapsedMinutes: clock.elapsedMinutes, targetMinutes: clock.targetMinutes, actions: actions.map(describe),
      }, { key: `sla:${caseId}:${clock.target}:${clock.cycle}:${level}` })
      await recordHistory(tx, caseId, {
        action: 'sla_escalated', actor: 'system:sla', fromStatus: null, toStatus: null, at,
        details: { target: clock.target, level, cycle: clock.cycle, actions: actions.map(describe), ...(c.assigneeId !== found.assigneeId ? { assignee: { from: found.assigneeId, to: c.assigneeId } } : {}), ...(c.priority !== found.priority ? { priority: { from: found.priority, to: c.priority } } : {}) },
      }, 'internal')
      made += 1
    }
  }
  if (c !== found) await saveCase(tx, { ...c, updatedAt: at })
  await refreshSla(tx, deps.config.sla, (await findCase(tx, caseId, now))!, now)
  return made
}

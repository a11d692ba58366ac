/**
 * @module
 * The audit log: who changed what, when. Details must hold ids and field names, never personal values.
 */
import type { Queryable } from '@rapport/db'
import type { Caller } from '../http/app-env.js'

/** One audit entry to record. */
export type AuditEntry = {
  caller: Caller | { kind: 'system' }
  action: string
  targetType?: string
  targetId?: string
  details?: Record<string, unknown>
  requestId?: string
}

/**
 * Appends an audit entry in the caller's transaction.
 * @example await recordAudit(tx, now, { caller, action: 'customer.erased', targetType: 'customer', targetId: id })
 */
export async function recordAudit(db: Queryable, at: Date, entry: AuditEntry): Promise<void> {
  const { caller } = entry
  const actorId = caller.kind === 'user' ? caller.userId : caller.kind === 'apiKey' ? caller.keyId : caller.kind === 'customer' ? caller.customerId : null
  await db.run(
    'INSERT INTO core_audit_log (at, actor_type, actor_id, action, target_type, target_id, details, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [at.toISOString(), caller.kind, actorId, entry.action, entry.targetType ?? null, entry.targetId ?? null, JSON.stringify(entry.details ?? {}), entry.requestId ?? null],
  )
}

/**
 * @module
 * The audit log: who changed what, when. Details must hold ids and field names, never personal values.
 */
import { ormOf, type Queryable } from '@rapport/db'
import type { Caller } from '../http/app-env.js'
import { coreSchema } from '../schema/drizzle/core-schema.js'

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
  await ormOf(db).insert(coreSchema.of(db).auditLog).values({
    at: at.toISOString(),
    actorType: caller.kind,
    actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  })
}

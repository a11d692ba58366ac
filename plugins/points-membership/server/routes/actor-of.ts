/**
 * @module
 * Who made a ledger change, as recorded on its entry (the audit trail of adjustments and spends).
 */
import type { Caller } from '@rapport/plugin-sdk'

/** @example actorOf({ kind: 'user', userId: 'u1', role: 'admin', sessionId: 's' }) // 'user:u1' */
export function actorOf(caller: Caller): string | null {
  if (caller.kind === 'user') return `user:${caller.userId}`
  if (caller.kind === 'apiKey') return `apiKey:${caller.keyId}`
  return null
}

/**
 * @module
 * Who made a change, as the history records it.
 */
import type { Caller } from '@rapport/plugin-sdk'

/** @example actorOf({ kind: 'user', userId: 'u1', role: 'agent', sessionId: 's' }) // 'user:u1' */
export function actorOf(caller: Caller): string {
  if (caller.kind === 'user') return `user:${caller.userId}`
  if (caller.kind === 'apiKey') return `apiKey:${caller.keyId}`
  if (caller.kind === 'customer') return `customer:${caller.customerId}`
  return 'anonymous'
}

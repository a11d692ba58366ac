/**
 * @module
 * The writer for event batches a person sends from a signed-in session: one transaction per batch
 * holding the events and one audit entry per stored event (`event.recorded`), so an order typed in
 * by an owner or admin sits in the audit log beside their other acts, and neither is stored
 * without the other. API keys (integrations, many events a second) keep the group commit; their
 * events carry the key's id as actor.
 */
import { recordAudit } from '../audit/audit-log.js'
import type { Caller } from '../http/app-env.js'
import type { CoreServices } from '../services.js'
import type { EventWriter } from './group-commit.js'
import { writeEvents } from './write-events.js'

/**
 * A writer that audit-logs every event it stores, in the same transaction.
 * @param s - the services
 * @param who - the session's caller and the request id, as the audit entries record them
 * @example const writer = caller.kind === 'user' ? auditedWriter(s, { caller, requestId }) : groupWriter
 */
export function auditedWriter(s: CoreServices, { caller, requestId }: { caller: Caller; requestId: string }): EventWriter {
  return function auditedWrite(events, origin) {
    return s.db.tx(async (tx) => {
      const outcomes = await writeEvents(tx, s, events, origin)
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status !== 'accepted') continue
        await recordAudit(tx, s.now(), {
          caller, action: 'event.recorded', targetType: 'event', targetId: outcome.eventId, requestId, details: { type: events[i]!.type, key: events[i]!.id },
        })
      }
      return outcomes
    })
  }
}

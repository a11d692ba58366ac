import type { Queryable } from '@rapport/db'
import type { StoredEvent } from '../events/event-log.js'
import type { CoreServices } from '../services.js'

/**
 * Records, in the event's own transaction, one pending delivery per after-commit subscriber of
 * its type; the delivery worker runs them after commit. (Placeholder until deliveries land.)
 * @example await enqueueDeliveries(s, tx, event)
 */
export async function enqueueDeliveries(_s: CoreServices, _tx: Queryable, _event: StoredEvent): Promise<void> {}

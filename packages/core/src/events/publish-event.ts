// Placeholder (being written by the event-bus work): appends only, runs no rules yet.
import type { Queryable } from '@rapport/db'
import type { CoreServices } from '../services.js'
import { appendEvent, type NewEvent, type StoredEvent } from './event-log.js'

export async function publishEvent(s: CoreServices, input: NewEvent & { emitter: string }, tx?: Queryable): Promise<{ event: StoredEvent; duplicate: boolean }> {
  const { emitter: _emitter, ...event } = input
  return appendEvent(tx ?? s.db, event, s.now())
}

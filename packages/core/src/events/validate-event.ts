/**
 * @module
 * Checks one incoming event against its standard schema and turns it into what the log stores.
 * Pure: no I/O, so a whole batch is checked before anything is written.
 */
import type { z } from '@hono/zod-openapi'
import type { CustomerFields } from '../customers/customer-store.js'
import { isStandardEventType, standardEvents, type StandardEventType } from './standard-events.js'

/** One reason an event (or a CSV cell) was refused. `path` is dotted: `items.2.quantity`. */
export type EventIssue = { path: string; message: string }

/** An event that passed validation, ready for {@link writeEvents}. */
export type ValidEvent = {
  /** The caller's event id, used as the idempotency key. */
  id: string
  type: StandardEventType
  customerExternalId: string
  /** UTC ISO-8601. */
  occurredAt: string
  /** What the log stores: the event minus `id`, `type`, `customerExternalId` and `occurredAt`. */
  payload: Record<string, unknown>
  /** For `customer.updated`: the fields to apply. */
  changes?: CustomerFields
}

/** The outcome of {@link validateEvent}. */
export type EventCheck = { ok: true; event: ValidEvent } | { ok: false; id: string | null; errors: EventIssue[] }

/** Turns zod issues into `{ path, message }` pairs. @example zodIssues(result.error.issues) */
export function zodIssues(issues: readonly z.core.$ZodIssue[]): EventIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

/**
 * Validates one event. Unknown types are refused with the list of known ones. Personal data is
 * kept out of the log: a `customer.updated` payload records which fields changed, not their values
 * (those live, encrypted where personal, in the customer store).
 * @example
 * const check = validateEvent({ id: 'o-1', type: 'order.completed', customerExternalId: 'c-1', orderId: 'o-1', amountMinor: 100, currency: 'CNY', occurredAt: '2026-05-01T10:00:00+08:00' })
 * if (check.ok) check.event.occurredAt // '2026-05-01T02:00:00.000Z'
 */
export function validateEvent(input: unknown): EventCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, id: null, errors: [{ path: '', message: 'must be an object' }] }
  }
  const raw = input as Record<string, unknown>
  const id = typeof raw.id === 'string' ? raw.id.slice(0, 128) : null
  if (!isStandardEventType(raw.type)) {
    const message = `unknown event type ${JSON.stringify(raw.type ?? null)}; expected one of ${Object.keys(standardEvents).join(', ')}`
    return { ok: false, id, errors: [{ path: 'type', message }] }
  }
  const parsed = standardEvents[raw.type].safeParse(raw)
  if (!parsed.success) return { ok: false, id, errors: zodIssues(parsed.error.issues) }

  const { id: eventId, type, customerExternalId, occurredAt, ...rest } = parsed.data
  const event: ValidEvent = { id: eventId, type, customerExternalId, occurredAt: new Date(occurredAt).toISOString(), payload: rest }
  if (parsed.data.type === 'customer.updated') {
    const changes = parsed.data.changes as CustomerFields
    event.changes = changes
    event.payload = { fields: Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined) }
  }
  return { ok: true, event }
}

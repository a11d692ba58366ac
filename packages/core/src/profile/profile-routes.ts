/**
 * @module
 * The profile's routes on one customer: why a field has its value (`/explain`) and the
 * customer's events with the profile changes each caused (`/timeline`).
 */
import { customerIdParams } from '../customers/schemas.js'
import { getCustomer } from '../customers/customer-store.js'
import { decodeCursor, encodeCursor, invalidCursor } from '../customers/cursor.js'
import { requestErrors } from '../errors/index.js'
import { nameActors } from '../events/actor-names.js'
import { listCustomerEvents } from '../events/event-log.js'
import { policies } from '../http/access.js'
import { defineRoute, type CoreRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonResponse } from '../http/responses.js'
import type { CoreServices } from '../services.js'
import { changesByEvent, fieldHistory } from './change-rows.js'
import { explainQuery, explanationSchema, timelinePageSchema, timelineQuery } from './profile-schemas.js'
import { readProfile } from './read-profile.js'

const notFound = { 404: jsonResponse(errorBody, 'No such customer') }

/** A cursor's position as a seq, or REQUEST_INVALID_CURSOR. */
const seqOf = (cursor: string, sort: string): number => {
  const { key } = decodeCursor(cursor, sort)
  if (typeof key !== 'number') throw invalidCursor()
  return key
}

/**
 * The profile routes, for `coreRoutes`.
 * @example const routes = profileRoutes(services) // GET /api/v1/customers/{id}/explain, GET /api/v1/customers/{id}/timeline
 */
export function profileRoutes(s: CoreServices): CoreRoute[] {
  const explain = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/{id}/explain', access: policies.staffRead('customers:read'), tags: ['profile'],
      summary: 'Why a profile field has its value',
      description: 'Every recorded change of the field, oldest first, with the rule (id and version) or plugin code that made it and the event that caused it.',
      request: { params: customerIdParams, query: explainQuery },
      responses: { 200: jsonResponse(explanationSchema, 'The value and its history'), ...notFound, ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const { field, limit, cursor } = c.req.valid('query')
      const spec = s.runtime.fields().get(field)
      if (!spec) throw requestErrors.INVALID({ issues: [{ path: 'field', message: `unknown profile field ${field}` }] })
      const afterSeq = cursor === undefined ? 0 : seqOf(cursor, `explain:${field}`)
      await getCustomer(s.db, s, id)
      const [profile, page] = [await readProfile(s, s.db, id), await fieldHistory(s.db, id, field, { plugin: spec.plugin, afterSeq, limit })]
      const nextCursor = page.nextAfterSeq === null ? null : encodeCursor(`explain:${field}`, { key: page.nextAfterSeq, id })
      return c.json({ field, value: profile[field] ?? null, changes: page.items.map(({ seq: _s, eventSeq: _e, ...change }) => change), nextCursor }, 200)
    },
  )

  const timeline = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/{id}/timeline', access: policies.staffRead('events:read'), tags: ['profile'],
      summary: "A customer's events, newest first, with the profile changes each caused",
      description: 'Each event names its actor: the user or API key (by name) whose request wrote it, the customer, or the system (a job, the demo data, an import).',
      request: { params: customerIdParams, query: timelineQuery },
      responses: { 200: jsonResponse(timelinePageSchema, 'One page'), ...notFound, ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const { limit, cursor } = c.req.valid('query')
      const beforeSeq = cursor === undefined ? undefined : seqOf(cursor, 'timeline')
      await getCustomer(s.db, s, id)
      const page = await listCustomerEvents(s.db, id, { limit, ...(beforeSeq === undefined ? {} : { beforeSeq }) })
      const oldest = page.items[page.items.length - 1]
      const newest = page.items[0]
      const changes = oldest && newest ? await changesByEvent(s.db, id, oldest.seq, newest.seq) : new Map()
      const actors = await nameActors(s.db, page.items.map((event) => event.actor))
      const items = page.items.map((event, i) => ({ ...event, actor: actors[i] ?? null, profileChanges: changes.get(event.seq) ?? [] }))
      const nextCursor = page.nextBeforeSeq === null || !oldest ? null : encodeCursor('timeline', { key: page.nextBeforeSeq, id: oldest.id })
      return c.json({ items, nextCursor }, 200)
    },
  )

  return [explain, timeline]
}

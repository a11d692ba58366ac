/**
 * @module
 * Names event actors for people to read: a user or an API key by its name, a customer by the
 * customer's own name. One query per kind of actor on a page, by primary key.
 */
import type { Queryable } from '@rapport/db'
import type { ActorType, EventActor } from './event-actor.js'

/** An actor with the name a person reads; null when it has none (a system actor, an erased customer, a deleted row). */
export type NamedActor = EventActor & { name: string | null }

const NAMED_BY: Partial<Record<ActorType, string>> = {
  user: 'SELECT id, name FROM core_users WHERE id IN',
  apiKey: 'SELECT id, name FROM core_api_keys WHERE id IN',
  customer: 'SELECT id, name FROM core_customers WHERE id IN',
}

/**
 * The actors of a page of events, in order, with their names.
 * @example const actors = await nameActors(s.db, page.items.map((e) => e.actor))
 */
export async function nameActors(db: Queryable, actors: ReadonlyArray<EventActor | null>): Promise<Array<NamedActor | null>> {
  const idsByType = new Map<ActorType, Set<string>>()
  for (const actor of actors) {
    if (!actor?.id || !NAMED_BY[actor.type]) continue
    const ids = idsByType.get(actor.type) ?? new Set<string>()
    idsByType.set(actor.type, ids.add(actor.id))
  }
  const names = new Map<string, string | null>()
  for (const [type, ids] of idsByType) {
    const list = [...ids]
    const rows = await db.all<{ id: string; name: string | null }>(`${NAMED_BY[type]} (${list.map(() => '?').join(', ')})`, list)
    for (const row of rows) names.set(`${type}:${row.id}`, row.name)
  }
  return actors.map((actor) => (actor === null ? null : { ...actor, name: actor.id === null ? null : (names.get(`${actor.type}:${actor.id}`) ?? null) }))
}

/**
 * @module
 * Who caused an event: the user, API key or customer whose request wrote it, or a system actor
 * (a scheduled job, the demo data, a command-line import). Every event in the log records one.
 * The actor of the running request, job or subscriber is kept in async context, so an event a
 * plugin emits on behalf of a request carries that request's caller without the plugin passing it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Caller } from '../http/app-env.js'

/** Kinds of actor, as the log and the audit log name them. */
export const ACTOR_TYPES = ['user', 'apiKey', 'customer', 'anonymous', 'system'] as const
export type ActorType = (typeof ACTOR_TYPES)[number]

/**
 * An event's actor: a user id, API key id or customer id; for `system`, what acted
 * (`job:<plugin>:<name>`, `demo`, `import` from the command line, or `system` when nothing more is known);
 * null for an anonymous caller.
 */
export type EventActor = { type: ActorType; id: string | null }

/** The actor of work no request, job or subscriber claimed (host start-up, plugin commands). */
export const SYSTEM_ACTOR: EventActor = { type: 'system', id: 'system' }

/** A system actor naming what acted. @example systemActor('demo') */
export const systemActor = (id: string): EventActor => ({ type: 'system', id })

/**
 * The actor a request's caller acts as.
 * @example actorOfCaller({ kind: 'apiKey', keyId: 'key_1', scopes: [] }) // { type: 'apiKey', id: 'key_1' }
 */
export function actorOfCaller(caller: Caller): EventActor {
  if (caller.kind === 'user') return { type: 'user', id: caller.userId }
  if (caller.kind === 'apiKey') return { type: 'apiKey', id: caller.keyId }
  if (caller.kind === 'customer') return { type: 'customer', id: caller.customerId }
  return { type: 'anonymous', id: null }
}

const acting = new AsyncLocalStorage<EventActor>()

/**
 * Runs `fn` with `actor` as the actor of every event published inside it (unless one is given).
 * @example await actingAs(systemActor('job:points-membership:expire'), () => job.run(run))
 */
export function actingAs<T>(actor: EventActor, fn: () => T): T {
  return acting.run(actor, fn)
}

/** The actor of the work running now; {@link SYSTEM_ACTOR} outside any request, job or subscriber. @example const actor = currentActor() */
export function currentActor(): EventActor {
  return acting.getStore() ?? SYSTEM_ACTOR
}

/**
 * The async context that holds the current actor, for writers that run queued work in a context
 * of their own (group commits) and must carry each caller's actor into it.
 * @example createGroupTx(db, { carry: [actorContext] })
 */
export const actorContext: AsyncLocalStorage<unknown> = acting as AsyncLocalStorage<unknown>

/**
 * @module
 * The business clock: what "now" means to a plugin. While the host handles an event (its scoring
 * rules and in-transaction subscribers, and the events they emit), now is the event's own
 * `occurredAt`; while a job runs as of a time, now is that time; anywhere else it is the real
 * clock. So importing two years of orders, or replaying them, computes with the dates they
 * happened on, not the moment they were processed. Core's own bookkeeping (job runs, sessions,
 * audit, the log's `recordedAt`) keeps the real clock: it says when Rapport did something.
 * The time is kept in async context, like the actor ({@link actingAs}), so a plugin never passes it.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

// ISO text, not a Date: setting the clock is on every event's path, and most handlers never read it.
const clock = new AsyncLocalStorage<string>()

/**
 * Runs `fn` with the business clock set to `at` (an event's `occurredAt`, a job's as-of time).
 * @param at - ISO-8601 UTC text or a Date
 * @example await atBusinessTime(event.occurredAt, () => handle(event))
 */
export function atBusinessTime<T>(at: string | Date, fn: () => T): T {
  return clock.run(typeof at === 'string' ? at : at.toISOString(), fn)
}

/**
 * The business time set by the event or job running now, or undefined outside any.
 * @example const at = businessTimeSet() ?? 'not inside an event or job'
 */
export function businessTimeSet(): string | undefined {
  return clock.getStore()
}

/**
 * Now, as a plugin sees it: the business time set by the event or job running now, else `realNow()`.
 * @param realNow - the real clock (the services' `now`, fake in tests)
 * @example const now = businessNow(s.now)
 */
export function businessNow(realNow: () => Date): Date {
  const at = clock.getStore()
  return at === undefined ? realNow() : new Date(at)
}

/**
 * The async context that holds the business time, for writers that run queued work in a context
 * of their own (group commits) and must carry each caller's clock into it.
 * @example createGroupTx(db, { carry: [actorContext, clockContext] })
 */
export const clockContext: AsyncLocalStorage<unknown> = clock as AsyncLocalStorage<unknown>

/**
 * @module
 * Which scheduler serves a services object, so the job routes can trigger runs on the one the
 * host created (and stops on shutdown).
 */
import type { CoreServices } from '../services.js'
import type { Scheduler } from './create-scheduler.js'

const schedulers = new WeakMap<CoreServices, Scheduler>()

/** Makes `scheduler` the one serving `s`. @example registerScheduler(s, scheduler) */
export function registerScheduler(s: CoreServices, scheduler: Scheduler): void {
  schedulers.set(s, scheduler)
}

/** Forgets `scheduler` if it is the one serving `s`. @example unregisterScheduler(s, scheduler) */
export function unregisterScheduler(s: CoreServices, scheduler: Scheduler): void {
  if (schedulers.get(s) === scheduler) schedulers.delete(s)
}

/** The scheduler serving `s`, if one was created and not stopped. @example registeredScheduler(s)?.trigger('mailer:digest') */
export function registeredScheduler(s: CoreServices): Scheduler | undefined {
  return schedulers.get(s)
}

/**
 * @module
 * Catches plugin code reading the wall clock (`Date.now()`, `new Date()` without arguments) while
 * the host handles an event or runs a job: there, "now" is the event's time or the job's as-of
 * time, and only `ctx.now()` gives it. A replay or an import would otherwise stamp history with
 * the moment it was processed. Only calls made directly from the files you name count, so core's
 * own bookkeeping (ids, timings) never trips it.
 */
import { businessTimeSet } from '@rapport/core'

/** A wall-clock read inside event handling or a job. */
export type WallClockRead = { call: 'Date.now()' | 'new Date()'; businessTime: string; at: string }

/** What {@link watchWallClock} returns. */
export type WallClockWatch = {
  /** The reads seen so far. */
  readonly reads: readonly WallClockRead[]
  /** Puts the real `Date` back. */
  stop(): void
}

/**
 * Replaces the global `Date` with one that records wall-clock reads made from plugin files while
 * a business time is set. Call `stop()` in `afterAll`.
 * @param isPluginFile - whether a stack frame's file is the plugin's code (e.g. `(f) => f.includes('/plugins/my-plugin/server/')`)
 * @example
 * const watch = watchWallClock((file) => file.includes('/plugins/points-membership/server/'))
 * await replayHistory(host, history, 'live')
 * expect(watch.reads).toEqual([])
 * watch.stop()
 */
export function watchWallClock(isPluginFile: (file: string) => boolean): WallClockWatch {
  const RealDate = globalThis.Date
  const reads: WallClockRead[] = []
  const check = (call: WallClockRead['call']) => {
    const businessTime = businessTimeSet()
    if (businessTime === undefined) return
    // Frame 0 is Error, 1 this check, 2 the Date shim, 3 the caller.
    const caller = new Error().stack?.split('\n')[3]?.trim() ?? ''
    if (isPluginFile(caller)) reads.push({ call, businessTime, at: caller })
  }
  class WatchedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) check('new Date()')
      super(...(args as []))
    }
    static override now(): number {
      check('Date.now()')
      return RealDate.now()
    }
    // Dates made before the watch (or by code holding the real Date) are still Dates.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate
    }
  }
  globalThis.Date = WatchedDate as DateConstructor
  return { reads, stop: () => { globalThis.Date = RealDate } }
}

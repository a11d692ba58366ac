/**
 * @module
 * A promise-chain mutex. better-sqlite3 is synchronous, so its transactions cannot span an
 * `await` on their own: the lock keeps a second writer out until the first one has committed.
 */

/**
 * Runs async functions one at a time, in call order.
 * @example
 * const lock: AsyncMutex = createMutex()
 * await lock.run(() => writeOnce())
 */
export interface AsyncMutex {
  /**
   * Runs `fn` once every earlier holder has finished; a rejection is passed on, never blocks the queue.
   * @param fn - the work to run exclusively
   */
  run<T>(fn: () => Promise<T> | T): Promise<T>
  /** True while some `fn` holds the lock or waits for it. */
  readonly busy: boolean
}

/**
 * Creates an {@link AsyncMutex}.
 * @example
 * const lock = createMutex()
 * await Promise.all([lock.run(() => writeA()), lock.run(() => writeB())]) // writeB starts after writeA settles
 */
export function createMutex(): AsyncMutex {
  let tail: Promise<unknown> = Promise.resolve()
  let waiting = 0
  return {
    get busy() {
      return waiting > 0
    },
    run<T>(fn: () => Promise<T> | T): Promise<T> {
      waiting += 1
      const result = tail.then(fn)
      // The next holder waits for this one to settle, whether it resolved or threw.
      tail = result.then(
        () => { waiting -= 1 },
        () => { waiting -= 1 },
      )
      return result
    },
  }
}

/**
 * @module
 * Bounds how long the host waits for plugin code (a subscriber, a setup).
 */

/** Rejected with when plugin code did not settle in time. @example if (err instanceof HandlerTimeoutError) log.warn({ ms: err.ms }) */
export class HandlerTimeoutError extends Error {
  override readonly name = 'HandlerTimeoutError'
  constructor(readonly ms: number) {
    super(`The subscriber did not finish within ${ms} ms`)
  }
}

/**
 * Runs `fn` and settles with it, or rejects with {@link HandlerTimeoutError} after `ms`. The
 * late work is not cancelled (JavaScript cannot), only no longer waited for. A synchronous throw
 * becomes a rejection.
 * @param fn - the work
 * @param ms - how long to wait
 * @example await withTimeout(() => sub.handler(event, ctx), 30_000)
 */
export function withTimeout<T>(fn: () => Promise<T> | T, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HandlerTimeoutError(ms)), ms)
    Promise.resolve()
      .then(fn)
      .then(
        (value) => { clearTimeout(timer); resolve(value) },
        (err: unknown) => { clearTimeout(timer); reject(err) },
      )
  })
}

import type { ErrorHandler } from 'hono'
import type { Logger } from 'pino'
import { toRapportError } from '../errors/index.js'
import type { AppEnv } from './app-env.js'

/**
 * The one boundary that writes error responses: `{ error: { code, message, details, requestId } }`.
 * Server faults are logged with their stack; a stack never reaches the client.
 * @example app.onError(errorBoundary(log))
 */
export function errorBoundary(log: Logger): ErrorHandler<AppEnv> {
  return function errorBoundaryOf(err, c) {
    const e = toRapportError(err)
    const requestId = c.get('requestId') ?? 'unknown'
    if (e.status >= 500) log.error({ err: e.cause ?? err, code: e.code, plugin: e.plugin, requestId }, 'unhandled error')
    // Every 429 that knows when to come back says so, core's and the plugins' alike (SURVEY_RATE_LIMITED, ...).
    const retryAfter = (e.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
    if (e.status === 429 && typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter))
    const body = { error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }), requestId, ...(e.plugin ? { plugin: e.plugin } : {}) } }
    return c.json(body, e.status)
  }
}

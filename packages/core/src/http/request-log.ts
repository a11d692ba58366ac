import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Logger } from 'pino'
import type { AppEnv } from './app-env.js'

/**
 * One log line per request: method, matched route pattern (not the raw path, which may hold ids
 * or search terms), status, duration and request id. No bodies, no query strings.
 * @example app.use('*', requestLog(log))
 */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLogOf(c, next) {
    const started = performance.now()
    await next()
    const status = c.res.status
    const line = { requestId: c.get('requestId'), method: c.req.method, route: routePath(c), status, ms: Math.round(performance.now() - started) }
    if (status >= 500) log.error(line, 'request failed')
    else log.info(line, 'request')
  }
}

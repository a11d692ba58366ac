/**
 * @module
 * Makes the request's caller the actor of every event published while the request runs, also by
 * plugins (`ctx.emit` from a plugin route records the user, API key or customer who called it).
 */
import type { MiddlewareHandler } from 'hono'
import { actingAs, actorOfCaller } from '../events/event-actor.js'
import type { AppEnv } from './app-env.js'

/**
 * Runs the rest of the request as its caller; mount it after `resolveCaller`.
 * @example app.use('/api/*', resolveCaller(services)); app.use('/api/*', actAsCaller())
 */
export const actAsCaller = (): MiddlewareHandler<AppEnv> =>
  async function actAsCallerOf(c, next) {
    await actingAs(actorOfCaller(c.get('caller')), next)
  }

/**
 * @module
 * What a caller may call, computed from the same route policies the server enforces, so the admin
 * shows only the actions the signed-in user's role admits (one source of truth, no copied roles).
 */
import { allows } from './access.js'
import type { Caller } from './app-env.js'
import type { RouteInfo } from './define-route.js'

/** A route's key, as `METHOD /path/{param}`: what `allowedRoutes` lists and the admin asks about. */
export const routeKey = (route: Pick<RouteInfo, 'method' | 'path'>): string => `${route.method} ${route.path}`

/**
 * The keys of the routes whose policy admits `caller`, sorted.
 * @example allowedRoutes(app.routes, { kind: 'user', userId, role: 'analyst', sessionId }) // ['GET /api/p/complaint-tracking/cases', ...]
 */
export function allowedRoutes(routes: readonly RouteInfo[], caller: Caller): string[] {
  return [...new Set(routes.filter((r) => allows(r.access, caller)).map(routeKey))].sort()
}

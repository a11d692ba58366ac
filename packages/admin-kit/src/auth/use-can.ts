/**
 * @module
 * Whether the signed-in user may call a route: the same answer the server gives, because the
 * server computed the list from its own route policies. Pages hide what would be refused.
 */
import { type SessionUser, useSession } from './session'

/** A route as the server names it: method and OpenAPI path (`/api/p/complaint-tracking/cases/{id}/messages`). */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Whether `user` may call `method path`; nobody signed in may call nothing. @example can(user, 'POST', '/api/v1/customers') */
export const can = (user: SessionUser | null | undefined, method: RouteMethod, path: string): boolean =>
  user?.permissions.includes(`${method} ${path}`) ?? false

/**
 * The signed-in user's check; `false` while the session loads.
 * @example
 * const allowed = useCan()
 * {allowed('POST', '/api/p/complaint-tracking/cases/{id}/messages') && <ReplyForm />}
 */
export function useCan(): (method: RouteMethod, path: string) => boolean {
  const { data: user } = useSession()
  return (method, path) => can(user, method, path)
}

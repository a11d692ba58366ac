/**
 * @module
 * The signed-in user as one query the admin shell and every plugin page share: who they are and
 * which routes their role may call (`permissions`, computed by the server from the route policies
 * it enforces), so pages show only the actions the server will accept.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest, isApiError } from '../api/client'

/** The signed-in user; `permissions` lists the routes they may call, as `METHOD /path/{param}`. */
export type SessionUser = { id: string; email: string; name: string; role: string; permissions: readonly string[] }

/** Query key of the session (`null` data: nobody is signed in). */
export const sessionQueryKey = ['auth', 'me'] as const

/** `GET /api/v1/auth/me`: the user with their permissions, or `null` when there is no session (401). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    const { user, permissions } = await apiRequest<{ user: Omit<SessionUser, 'permissions'>; permissions?: string[] }>('/api/v1/auth/me', { signal })
    return { ...user, permissions: permissions ?? [] }
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null
    throw err
  }
}

/** Options of the session query, shared by the hooks and the sign-in and sign-out handlers. */
export const sessionQuery = queryOptions({ queryKey: sessionQueryKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 5 * 60_000 })

/** The signed-in user (`null` when signed out) and the query state. @example const { data: user } = useSession() */
export const useSession = () => useQuery(sessionQuery)

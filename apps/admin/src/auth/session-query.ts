/**
 * @module
 * The session as a query: `null` when nobody is signed in.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchCurrentUser } from '../api/auth'

/** Query key of the current user. */
export const sessionQueryKey = ['auth', 'me'] as const

/** Options of the session query, shared by the hook and the login/logout handlers. */
export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: ({ signal }) => fetchCurrentUser(signal),
  staleTime: 5 * 60_000,
})

/** The signed-in user (`null` when signed out) and the query state. */
export const useSession = () => useQuery(sessionQuery)

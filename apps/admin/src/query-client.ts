/**
 * @module
 * The TanStack Query client: every data read of the admin goes through it. A 401 from any
 * call ends the session, which sends the user back to the login page.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '@rapport/admin-kit'
import { sessionQueryKey } from './auth/session-query'

const endSessionOn401 = (err: unknown): void => {
  if (isApiError(err) && err.status === 401) queryClient.setQueryData(sessionQueryKey, null)
}

/** Whether a failed query is worth retrying: not for client errors (4xx). */
const shouldRetry = (failureCount: number, err: unknown): boolean =>
  failureCount < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500)

/** The admin's one query client. */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: endSessionOn401 }),
  mutationCache: new MutationCache({ onError: endSessionOn401 }),
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
})

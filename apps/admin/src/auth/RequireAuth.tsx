import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { PageLoading } from '@rapport/admin-kit'
import { QueryErrorResult } from '@rapport/admin-kit'
import { loginPath } from '../router-paths'
import { useSession } from './session-query'

/** Where the login page sends the user back to: kept in the location state. */
export type LoginRedirectState = { from?: { pathname: string; search: string } }

/** Renders `children` for a signed-in user; sends everyone else to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation()
  const session = useSession()
  if (session.isPending) return <PageLoading fullScreen />
  if (session.isError) return <QueryErrorResult error={session.error} onRetry={() => void session.refetch()} />
  if (!session.data) {
    const state: LoginRedirectState = { from: { pathname: location.pathname, search: location.search } }
    return <Navigate to={loginPath} replace state={state} />
  }
  return children
}

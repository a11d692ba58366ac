/**
 * @module
 * Session calls: login, logout and the current user.
 */
import { apiRequest, isApiError } from '@rapport/admin-kit'
import type { User } from './types'

/** `POST /api/v1/auth/login`; the server sets the session cookie. */
export const login = (credentials: { email: string; password: string }) =>
  apiRequest<{ user: User }>('/api/v1/auth/login', { method: 'POST', body: credentials }).then((r) => r.user)

/** `POST /api/v1/auth/logout`. */
export const logout = () => apiRequest<void>('/api/v1/auth/logout', { method: 'POST' })

/** `GET /api/v1/auth/me`: the signed-in user, or `null` when there is no session (401). */
export const fetchCurrentUser = async (signal?: AbortSignal): Promise<User | null> => {
  try {
    return (await apiRequest<{ user: User }>('/api/v1/auth/me', { signal })).user
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null
    throw err
  }
}

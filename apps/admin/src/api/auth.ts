/**
 * @module
 * Session calls: login and logout (the current user is the admin kit's `sessionQuery`).
 */
import { apiRequest } from '@rapport/admin-kit'
import type { User } from './types'

/** `POST /api/v1/auth/login`; the server sets the session cookie. */
export const login = (credentials: { email: string; password: string }) =>
  apiRequest<{ user: User }>('/api/v1/auth/login', { method: 'POST', body: credentials }).then((r) => r.user)

/** `POST /api/v1/auth/logout`. */
export const logout = () => apiRequest<void>('/api/v1/auth/logout', { method: 'POST' })

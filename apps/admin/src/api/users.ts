/**
 * @module
 * Admin user management calls (owners and admins).
 */
import { apiRequest } from '@rapport/admin-kit'

/** Roles, strongest first, as the server knows them. */
export const roles = ['owner', 'admin', 'agent', 'analyst'] as const
export type Role = (typeof roles)[number]

/** A staff account as `GET /api/v1/users` lists it. */
export type AdminUser = { id: string; email: string; name: string; role: Role; disabledAt: string | null; createdAt: string; updatedAt: string }

/** What a new user needs; the password follows the server's rule (10 to 200 characters). */
export type NewUser = { name: string; email: string; role: Role; password: string }

/** The server's password rule, so the form can say it before sending. */
export const passwordRule = { min: 10, max: 200 } as const

/** `GET /api/v1/users`. */
export const listUsers = (signal?: AbortSignal) => apiRequest<{ items: AdminUser[] }>('/api/v1/users', { signal }).then((r) => r.items)

/**
 * `POST /api/v1/users`.
 * @throws ApiError `AUTH_USER_EXISTS` (409), `REQUEST_INVALID` (400) naming the fields, `AUTH_FORBIDDEN` when only an owner may grant the role
 */
export const createUser = (user: NewUser) => apiRequest<AdminUser>('/api/v1/users', { method: 'POST', body: user })

/**
 * `PATCH /api/v1/users/:id`: role, disabled state or a new password.
 * @throws ApiError `AUTH_LAST_OWNER` (409), `AUTH_FORBIDDEN` (403) when an admin touches an owner
 */
export const updateUser = (id: string, patch: { name?: string; role?: Role; disabled?: boolean; password?: string }) =>
  apiRequest<AdminUser>(`/api/v1/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })

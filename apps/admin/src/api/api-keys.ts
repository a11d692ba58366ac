/**
 * @module
 * API key calls (owners and admins): list, the scopes a key may have, create (the key is in the
 * answer once), revoke.
 */
import { apiRequest } from '@rapport/admin-kit'

/** An API key as listed: never its secret. */
export type ApiKey = { id: string; name: string; scopes: string[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

/** `GET /api/v1/api-keys`, newest first. */
export const listApiKeys = (signal?: AbortSignal) => apiRequest<{ items: ApiKey[] }>('/api/v1/api-keys', { signal }).then((r) => r.items)

/** `GET /api/v1/api-keys/scopes`: every scope the server can grant. */
export const listApiScopes = (signal?: AbortSignal) => apiRequest<{ items: string[] }>('/api/v1/api-keys/scopes', { signal }).then((r) => r.items)

/** `POST /api/v1/api-keys`: `key` is the only time the secret is ever shown. */
export const createApiKey = (input: { name: string; scopes: string[] }) =>
  apiRequest<{ apiKey: ApiKey; key: string }>('/api/v1/api-keys', { method: 'POST', body: input })

/** `DELETE /api/v1/api-keys/:id`. @throws ApiError `AUTH_API_KEY_NOT_FOUND` (404) */
export const revokeApiKey = (id: string) => apiRequest<ApiKey>(`/api/v1/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })

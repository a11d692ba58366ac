/**
 * @module
 * API keys and the grantable scopes as queries.
 */
import { queryOptions } from '@tanstack/react-query'
import { listApiKeys, listApiScopes } from '../../api/api-keys'

/** Query of every API key, newest first. */
export const apiKeyListQuery = queryOptions({ queryKey: ['api-keys'], queryFn: ({ signal }) => listApiKeys(signal) })

/** Query of the scopes the server can grant (they change only with the server). */
export const apiScopesQuery = queryOptions({ queryKey: ['api-keys', 'scopes'], queryFn: ({ signal }) => listApiScopes(signal), staleTime: Number.POSITIVE_INFINITY })

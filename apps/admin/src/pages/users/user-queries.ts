/**
 * @module
 * The users list as a query, shared by the users page and the audit log's actor filter.
 */
import { queryOptions } from '@tanstack/react-query'
import { listUsers } from '../../api/users'

/** Query of every admin user. */
export const userListQuery = queryOptions({ queryKey: ['users'], queryFn: ({ signal }) => listUsers(signal) })

/**
 * @module
 * The staff directory (`GET /api/v1/staff`) as one cached query, and how a stored reference to a
 * person reads: assignees are a user id or `team:<name>`, history actors `user:<id>`,
 * `apiKey:<id>`, `customer:<id>`, `system`. Pages show names, never these ids.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { apiRequest } from '../api/client'

/** One colleague: id, name, role, and whether the account is active. */
export type StaffMember = { id: string; name: string; role: string; active: boolean }

/** The staff query (shared by name displays and pickers). */
export const staffQuery = queryOptions({
  queryKey: ['staff'] as const,
  queryFn: async ({ signal }) => (await apiRequest<{ items: StaffMember[] }>('/api/v1/staff', { signal })).items,
  staleTime: 5 * 60_000,
})

/** The prefix of a team assignee (teams are names, not records). */
export const TEAM_PREFIX = 'team:'

/** What a stored person reference is, with the id or name it carries. */
export type PersonRef =
  | { kind: 'user'; id: string }
  | { kind: 'team'; name: string }
  | { kind: 'apiKey'; id: string }
  | { kind: 'customer'; id: string }
  | { kind: 'system'; id: string }

/**
 * Reads an assignee or actor reference.
 * @example parsePersonRef('user:usr_1') // { kind: 'user', id: 'usr_1' }
 * @example parsePersonRef('team:售后') // { kind: 'team', name: '售后' }
 */
export function parsePersonRef(ref: string): PersonRef {
  const colon = ref.indexOf(':')
  const prefix = colon > 0 ? ref.slice(0, colon) : ''
  const rest = ref.slice(colon + 1)
  if (prefix === 'team') return { kind: 'team', name: rest }
  if (prefix === 'user') return { kind: 'user', id: rest }
  if (prefix === 'apiKey') return { kind: 'apiKey', id: rest }
  if (prefix === 'customer') return { kind: 'customer', id: rest }
  if (ref.startsWith('usr_')) return { kind: 'user', id: ref }
  return { kind: 'system', id: ref }
}

/** The staff list (undefined while loading) and a lookup by user id. @example const { nameOf } = useStaff(); nameOf('usr_1') */
export function useStaff() {
  const query = useQuery(staffQuery)
  const data = query.data
  const nameOf = useCallback((id: string) => data?.find((m) => m.id === id), [data])
  return { staff: data, nameOf, isPending: query.isPending }
}

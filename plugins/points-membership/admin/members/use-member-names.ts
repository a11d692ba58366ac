import { useQuery } from '@tanstack/react-query'
import { customersByMemberNo, type CustomerName } from '../api'

/**
 * The names of the customers behind these member numbers, from one core list call; a name is
 * the customer's, else their external id.
 * @example const nameOf = useMemberNames(rows.map((r) => r.memberNo)); nameOf(row.customerId)
 */
export function useMemberNames(memberNos: readonly string[]): (customerId: string) => string | undefined {
  const { data } = useQuery({
    queryKey: ['points-membership', 'names', memberNos],
    queryFn: ({ signal }) => customersByMemberNo(memberNos, signal),
    enabled: memberNos.length > 0,
    staleTime: 60_000,
  })
  const byId = new Map((data ?? []).map((c: CustomerName) => [c.id, c.name ?? c.externalId]))
  return (customerId) => byId.get(customerId)
}

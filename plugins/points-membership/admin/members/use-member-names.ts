import { useCustomerNames } from '@rapport/admin-kit'

/**
 * What to call these members: the customer's name, else their external id; undefined while it
 * loads, for an erased customer, or one core does not know. Fetched by id from core, batched.
 * @example const nameOf = useMemberNames(rows.map((r) => r.customerId)); nameOf(row.customerId)
 */
export function useMemberNames(customerIds: readonly string[]): (customerId: string) => string | undefined {
  const nameOf = useCustomerNames(customerIds)
  return (customerId) => {
    const c = nameOf(customerId)
    return c && !c.erased ? (c.name ?? c.externalId ?? undefined) : undefined
  }
}

import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { createCustomerNameLoader, type CustomerName, type CustomerNameLoader } from '../api/customer-name-loader'

/** One loader per query client, so tests with their own client never share a batch. */
const loaders = new WeakMap<QueryClient, CustomerNameLoader>()
const loaderFor = (client: QueryClient): CustomerNameLoader => {
  let loader = loaders.get(client)
  if (!loader) loaders.set(client, (loader = createCustomerNameLoader()))
  return loader
}

/** Query key of one customer's name; invalidate `['customer-name']` after renaming customers. */
export const customerNameQueryKey = (id: string) => ['customer-name', id] as const

/**
 * The names of these customers, each cached on its own and fetched together with every other
 * name asked for in the same tick. The returned function answers undefined while a name loads,
 * failed to load, or the customer does not exist (a plugin may hold an id core never had).
 * @param ids customer ids; repeats and empty strings are fine
 * @example const nameOf = useCustomerNames(rows.map((r) => r.customerId)); nameOf(row.customerId)?.name
 */
export function useCustomerNames(ids: readonly string[]): (id: string) => CustomerName | undefined {
  const client = useQueryClient()
  const load = loaderFor(client)
  const unique = [...new Set(ids.filter(Boolean))]
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: customerNameQueryKey(id),
      queryFn: () => load(id),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const byId = new Map<string, CustomerName>()
      results.forEach((r, i) => { if (r.data) byId.set(unique[i]!, r.data) })
      return (id: string) => byId.get(id)
    },
  })
}

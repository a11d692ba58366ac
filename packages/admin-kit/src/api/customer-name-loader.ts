/**
 * @module
 * Customer names for pages that only hold ids. Every name asked for within one tick goes out in
 * one `GET /api/v1/customers/names` call (100 ids a call), so a table of 50 rows costs one request.
 */
import { apiRequest } from './client'

/** A customer's name and external id as the names lookup returns them; both null once erased. */
export type CustomerName = { id: string; name: string | null; externalId: string | null; erased: boolean }

/** Most ids the server takes in one lookup. */
export const CUSTOMER_NAMES_PER_CALL = 100

/** Fetches the names of these ids; unknown ids are absent from the answer. */
export type FetchCustomerNames = (ids: readonly string[]) => Promise<CustomerName[]>

/** `GET /api/v1/customers/names?ids=a,b`. */
export const fetchCustomerNames: FetchCustomerNames = (ids) =>
  apiRequest<{ items: CustomerName[] }>('/api/v1/customers/names', { query: { ids: ids.join(',') } }).then((r) => r.items)

/** Loads one customer's name, batched with every other load of the same tick; null when there is no such customer. */
export type CustomerNameLoader = (id: string) => Promise<CustomerName | null>

type Waiter = { resolve: (name: CustomerName | null) => void; reject: (err: unknown) => void }

/**
 * A batching loader: ids asked for before the next macrotask are fetched together, in calls of
 * at most {@link CUSTOMER_NAMES_PER_CALL} ids; a failed call fails the loads of its ids only.
 * @param fetchNames the lookup, replaceable in tests
 * @example const load = createCustomerNameLoader(); const [a, b] = await Promise.all([load('cus_1'), load('cus_2')]) // one request
 */
export function createCustomerNameLoader(fetchNames: FetchCustomerNames = fetchCustomerNames): CustomerNameLoader {
  let pending: Map<string, Waiter[]> | null = null

  const send = async (ids: string[], waiters: Map<string, Waiter[]>) => {
    try {
      const found = new Map((await fetchNames(ids)).map((c) => [c.id, c]))
      for (const id of ids) for (const w of waiters.get(id) ?? []) w.resolve(found.get(id) ?? null)
    } catch (err) {
      for (const id of ids) for (const w of waiters.get(id) ?? []) w.reject(err)
    }
  }

  const flush = () => {
    const batch = pending
    pending = null
    if (!batch) return
    const ids = [...batch.keys()]
    for (let i = 0; i < ids.length; i += CUSTOMER_NAMES_PER_CALL) void send(ids.slice(i, i + CUSTOMER_NAMES_PER_CALL), batch)
  }

  return function loadCustomerName(id) {
    return new Promise((resolve, reject) => {
      // A macrotask, not a microtask: TanStack Query starts the fetches of one render from
      // separate observers, which a microtask could split into several batches.
      if (!pending) { pending = new Map(); setTimeout(flush, 0) }
      const waiting = pending.get(id)
      if (waiting) waiting.push({ resolve, reject })
      else pending.set(id, [{ resolve, reject }])
    })
  }
}

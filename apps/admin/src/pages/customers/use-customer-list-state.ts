import { useLocation, useSearchParams } from 'react-router'
import type { CustomerSort } from '../../api/types'
import type { CustomerPageState } from './list-return'

const sorts: readonly CustomerSort[] = ['createdAt', '-createdAt', 'name', '-name']
const isSort = (value: unknown): value is CustomerSort => sorts.includes(value as CustomerSort)

/** History state of the list: the cursors of the pages after the first, oldest first. */
type ListHistoryState = { cursors?: unknown }

const cursorsOf = (state: unknown): string[] => {
  const cursors = (state as ListHistoryState | null)?.cursors
  return Array.isArray(cursors) ? cursors.filter((c): c is string => typeof c === 'string') : []
}

/**
 * The customers list's search, sort and page. Search and sort live in the URL; the stack of
 * cursors lives in the history entry, so going back from a customer returns to the same page.
 */
export function useCustomerListState() {
  const [params, setParams] = useSearchParams()
  const location = useLocation()
  const q = params.get('q') ?? ''
  const rawSort = params.get('sort')
  const sort = isSort(rawSort) ? rawSort : undefined
  const cursors = cursorsOf(location.state)

  const update = (next: { q: string; sort: CustomerSort | undefined; cursors: string[] }) => {
    const search = new URLSearchParams()
    if (next.q) search.set('q', next.q)
    if (next.sort) search.set('sort', next.sort)
    setParams(search, { replace: true, state: { cursors: next.cursors } satisfies ListHistoryState })
  }

  return {
    q,
    sort,
    /** Cursor of the page shown; undefined on the first page. */
    cursor: cursors.at(-1),
    /** 1-based page number. */
    page: cursors.length + 1,
    hasPrevious: cursors.length > 0,
    /** Navigation state that lets a customer page link back to this very page of the list. */
    returnState: { fromList: { search: location.search, cursors } } satisfies CustomerPageState,
    setQuery: (nextQ: string) => update({ q: nextQ, sort, cursors: [] }),
    setSort: (nextSort: CustomerSort | undefined) => update({ q, sort: nextSort, cursors: [] }),
    /** Search and sort at once (a saved filter), from the first page. */
    setFilters: (nextQ: string, nextSort: CustomerSort | undefined) => update({ q: nextQ, sort: nextSort, cursors: [] }),
    nextPage: (nextCursor: string) => update({ q, sort, cursors: [...cursors, nextCursor] }),
    previousPage: () => update({ q, sort, cursors: cursors.slice(0, -1) }),
  }
}

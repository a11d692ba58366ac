/**
 * @module
 * The audit log as an infinite query: one page per "load more", the filters in the key.
 */
import { useInfiniteQuery } from '@tanstack/react-query'
import { listAudit, type AuditFilters } from '../../api/audit'

const PAGE_SIZE = 50

/** Pages of audit entries matching `filters`, newest first. */
export const useAuditLog = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => listAudit({ ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })

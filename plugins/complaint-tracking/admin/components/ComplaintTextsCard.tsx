import { apiRequest, FeedbackSummaryCard, type FeedbackSummary, QueryErrorResult } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'

/** The sentiment and themes of the descriptions of cases opened in `[from, to)` (`GET /analytics/texts`, the range `getAnalytics` takes). */
export function ComplaintTextsCard({ range }: { range: { from: string; to: string } }) {
  const texts = useQuery({
    queryKey: ['complaint-tracking', 'analytics', 'texts', range],
    queryFn: ({ signal }) => apiRequest<FeedbackSummary>('/api/p/complaint-tracking/analytics/texts', { query: range, signal }),
    placeholderData: keepPreviousData,
  })
  if (texts.isError) return <QueryErrorResult error={texts.error} onRetry={() => void texts.refetch()} />
  return <FeedbackSummaryCard summary={texts.data} loading={texts.isFetching} />
}

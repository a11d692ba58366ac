import { apiRequest, FeedbackSummaryCard, type FeedbackSummary, QueryErrorResult } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The sentiment and themes of the descriptions of cases opened in the range (`GET /analytics/texts`). */
export function ComplaintTextsCard({ from, to }: { from: string; to: string }) {
  const texts = useQuery({
    queryKey: ['complaint-tracking', 'analytics', 'texts', from, to],
    queryFn: ({ signal }) => apiRequest<FeedbackSummary>('/api/p/complaint-tracking/analytics/texts', { query: { from, to: nextDay(to) }, signal }),
    placeholderData: keepPreviousData,
  })
  if (texts.isError) return <QueryErrorResult error={texts.error} onRetry={() => void texts.refetch()} />
  return <FeedbackSummaryCard summary={texts.data} loading={texts.isFetching} />
}

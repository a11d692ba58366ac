import { apiRequest, FeedbackSummaryCard, type FeedbackSummary } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { surveyApi } from '../api/surveys'
import type { Scope } from '../api/analytics'

/** The sentiment and themes of one question's free-text answers in the scope (`GET /analytics/texts/summary`). */
export function CommentThemes({ scope, question }: { scope: Scope; question: string }) {
  const summary = useQuery({
    queryKey: ['satisfaction-survey', 'texts', 'summary', scope, question],
    queryFn: ({ signal }) => apiRequest<FeedbackSummary>(`${surveyApi}/analytics/texts/summary`, { query: { ...scope, question }, signal }),
    placeholderData: keepPreviousData,
  })
  // The answers list below says what went wrong, or that there is nothing: the summary stays away.
  if (summary.isError || summary.data?.total === 0) return null
  return <FeedbackSummaryCard bordered={false} summary={summary.data} loading={summary.isFetching} />
}

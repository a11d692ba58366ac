import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Flex, Typography } from 'antd'
import { comparePrevious, type Scope } from '../api/analytics'
import { ComparisonTable } from './ComparisonTable'
import { QueryCard } from './QueryCard'

/** The chosen range against the previous range of equal length, tested score by score. */
export function PeriodComparisonCard({ scope }: { scope: Scope }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const { date: day } = useFormatters()
  const query = useQuery({ queryKey: ['satisfaction-survey', 'analytics', scope, 'compare-previous'], queryFn: ({ signal }) => comparePrevious(scope, signal) })
  return (
    <QueryCard title={t('analysis.period')} query={query}>
      {(data) => (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            {t('analysis.periodHint', { from: day(data.a.from), to: day(data.a.to), prevFrom: day(data.b.from), prevTo: day(data.b.to) })}
          </Typography.Text>
          <ComparisonTable data={data} labelA={t('analysis.thisRange')} labelB={t('analysis.previousRange')} />
        </Flex>
      )}
    </QueryCard>
  )
}

import { codedErrorMessage } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Spin, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { countSegment } from '../../api/segments'

/** How many customers a saved segment holds now, asked when shown and refreshed every minute. */
export function SegmentCount({ segmentId }: { segmentId: string }) {
  const { t, i18n } = useTranslation()
  const count = useQuery({ queryKey: ['segments', 'count', segmentId], queryFn: ({ signal }) => countSegment(segmentId, signal), refetchInterval: 60_000 })
  if (count.isPending) return <span role="status" aria-label={t('app.loading')}><Spin size="small" /></span>
  if (count.isError) {
    const error = count.error as { code?: string; message: string }
    return (
      <Tooltip title={codedErrorMessage(t, { code: error.code ?? 'INTERNAL_ERROR', message: error.message })}>
        <Typography.Text type="danger">{t('segments.countFailed')}</Typography.Text>
      </Tooltip>
    )
  }
  return <Typography.Text strong data-segment-count={segmentId}>{count.data.count.toLocaleString(i18n.resolvedLanguage)}</Typography.Text>
}

import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { errorMessage, useFormatters } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BULK_SKIP_REASONS, listBulkSends, type BulkSend } from './messages-api'
import { channelLabel, templateLabel } from './message-labels'
import { NewBulkSendModal } from './NewBulkSendModal'

const stateColors = { running: 'blue', waiting: 'orange', done: 'green' } as const

/** `/admin/bulk-sends` (owners and admins): sends to a segment with their progress, refreshed while one is running. */
export default function BulkSendsPage() {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const { dateTime } = useFormatters()
  const [creating, setCreating] = useState(false)
  const sends = useQuery({
    queryKey: ['messages', 'bulk-sends'], queryFn: ({ signal }) => listBulkSends(signal),
    refetchInterval: (query) => (query.state.data?.items.some((s) => s.state !== 'done') ? 5_000 : false),
  })
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t('bulk.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('bulk.intro')}</Typography.Paragraph>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('bulk.new')}</Button>
      </Flex>
      {sends.isError && <Alert type="error" showIcon title={errorMessage(shell, sends.error)} style={{ marginBottom: 16 }} />}
      <Table<BulkSend>
        aria-label={t('bulk.tableLabel')} rowKey="id" dataSource={sends.data?.items ?? []} loading={sends.isPending} pagination={false} scroll={{ x: 900 }}
        locale={{ emptyText: t('bulk.empty') }}
        columns={[
          { key: 'name', title: t('bulk.name'), render: (_, s) => <><Typography.Text strong>{s.name}</Typography.Text><br /><Typography.Text type="secondary">{templateLabel(t, s.template)} · {channelLabel(t, s.channel)}</Typography.Text></> },
          { key: 'state', title: t('bulk.state'), render: (_, s) => <Tag color={stateColors[s.state]}>{t(`bulk.states.${s.state}`)}</Tag> },
          {
            key: 'progress', title: t('bulk.progress'), width: 420,
            render: (_, s) => {
              const p = s.progress
              const counts = [
                ['sent', p.sent, 'green'], ['queued', p.queued, 'blue'], ['failed', p.failed, 'red'],
                ...BULK_SKIP_REASONS.map((r) => [r, p.skipped[r], 'default'] as const), ['deferred', p.deferred.quietHours, 'orange'],
              ] as const
              return (
                <div>
                  <Progress percent={s.total ? Math.round((p.processed / s.total) * 100) : 100} size="small" aria-label={t('bulk.processedOf', { processed: p.processed, total: s.total })} />
                  <Typography.Text type="secondary">{t('bulk.processedOf', { processed: p.processed, total: s.total })}</Typography.Text>
                  <Flex gap={4} wrap style={{ marginTop: 4 }}>
                    {counts.filter(([, n]) => n > 0).map(([key, n, color]) => <Tag key={key} color={color}>{t(`bulk.counts.${key}`, { count: n })}</Tag>)}
                  </Flex>
                </div>
              )
            },
          },
          { key: 'createdAt', title: t('bulk.createdAt'), render: (_, s) => dateTime(s.createdAt) },
        ]}
      />
      <NewBulkSendModal open={creating} onClose={() => { setCreating(false); void sends.refetch() }} />
    </Card>
  )
}

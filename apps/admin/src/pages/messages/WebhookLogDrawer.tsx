import { errorMessage, useFormatters } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Drawer, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { webhookLog, type WebhookDelivery, type WebhookEndpoint } from './messages-api'

const colors = { pending: 'orange', running: 'blue', done: 'green', dead: 'red' } as const

/** One endpoint's delivery log: which event, how it went, the last error. */
export function WebhookLogDrawer({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const { dateTime } = useFormatters()
  const log = useQuery({ queryKey: ['messages', 'webhook-log', endpoint.id], queryFn: ({ signal }) => webhookLog(endpoint.id, signal), refetchInterval: 10_000 })
  return (
    <Drawer open onClose={onClose} title={t('webhooks.logTitle', { url: endpoint.url })} size="large">
      {log.isError && <Alert type="error" showIcon title={errorMessage(shell, log.error)} />}
      <Table<WebhookDelivery>
        aria-label={t('webhooks.logLabel', { url: endpoint.url })} rowKey="id" dataSource={log.data?.items ?? []} loading={log.isPending} pagination={false} scroll={{ x: 640 }}
        locale={{ emptyText: t('webhooks.logEmpty') }}
        columns={[
          { key: 'at', title: t('webhooks.at'), render: (_, d) => dateTime(d.createdAt) },
          { key: 'event', title: t('webhooks.event'), render: (_, d) => d.eventType ?? '—' },
          { key: 'state', title: t('webhooks.state'), render: (_, d) => <Tag color={colors[d.state]}>{t(`webhooks.deliveryStates.${d.state}`)}</Tag> },
          { key: 'attempts', title: t('webhooks.attempts'), dataIndex: 'attempts' },
          { key: 'lastError', title: t('webhooks.lastError'), render: (_, d) => d.lastError ?? '' },
        ]}
      />
    </Drawer>
  )
}

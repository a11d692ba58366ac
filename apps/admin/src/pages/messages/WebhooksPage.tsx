import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { errorMessage, useFormatters } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteWebhook, listWebhooks, testWebhook, type WebhookEndpoint } from './messages-api'
import { AddWebhookModal } from './AddWebhookModal'
import { WebhookLogDrawer } from './WebhookLogDrawer'

/** `/admin/webhooks` (owners and admins): outgoing webhook endpoints, each with "send a test" and its delivery log. */
export default function WebhooksPage() {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const { message } = App.useApp()
  const { dateTime } = useFormatters()
  const queryClient = useQueryClient()
  const endpoints = useQuery({ queryKey: ['messages', 'webhooks'], queryFn: ({ signal }) => listWebhooks(signal) })
  const [adding, setAdding] = useState(false)
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['messages', 'webhooks'] })
  const test = useMutation({
    mutationFn: (e: WebhookEndpoint) => testWebhook(e.id),
    onSuccess: (r) => void (r.delivered ? message.success(t('webhooks.testOk')) : message.error(t('webhooks.testFailed', { error: r.error ?? '' }))),
    onError: (err) => void message.error(errorMessage(shell, err)),
  })
  const remove = useMutation({ mutationFn: (e: WebhookEndpoint) => deleteWebhook(e.id), onSuccess: () => { void refresh(); void message.success(t('webhooks.removed')) }, onError: (err) => void message.error(errorMessage(shell, err)) })
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t('webhooks.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('webhooks.add')}</Button>
      </Flex>
      {endpoints.isError && <Alert type="error" showIcon title={errorMessage(shell, endpoints.error)} style={{ marginBottom: 16 }} />}
      <Table<WebhookEndpoint>
        aria-label={t('webhooks.tableLabel')} rowKey="id" dataSource={endpoints.data?.items ?? []} loading={endpoints.isPending} pagination={false}
        scroll={{ x: 900 }} locale={{ emptyText: t('webhooks.empty') }}
        columns={[
          { key: 'url', title: t('webhooks.url'), render: (_, e) => <Typography.Text style={{ wordBreak: 'break-all' }}>{e.url}</Typography.Text> },
          { key: 'events', title: t('webhooks.events'), render: (_, e) => <Flex gap={4} wrap>{e.eventTypes.map((type) => <Tag key={type}>{type === '*' ? t('webhooks.allEvents') : type}</Tag>)}</Flex> },
          { key: 'createdAt', title: t('webhooks.createdAt'), render: (_, e) => dateTime(e.createdAt) },
          {
            key: 'actions', title: '',
            render: (_, e) => (
              <Flex gap={8} wrap>
                <Button size="small" onClick={() => test.mutate(e)} loading={test.isPending && test.variables?.id === e.id} aria-label={t('webhooks.testLabel', { url: e.url })}>{t('webhooks.test')}</Button>
                <Button size="small" onClick={() => setLogOf(e)} aria-label={t('webhooks.logLabel', { url: e.url })}>{t('webhooks.log')}</Button>
                <Popconfirm title={t('webhooks.removeConfirm')} okText={t('webhooks.remove')} okButtonProps={{ danger: true }} cancelText={t('templates.cancel')} onConfirm={() => remove.mutateAsync(e).catch(() => undefined)}>
                  <Button size="small" danger aria-label={t('webhooks.removeLabel', { url: e.url })}>{t('webhooks.remove')}</Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <AddWebhookModal open={adding} onClose={() => { setAdding(false); void refresh() }} />
      {logOf && <WebhookLogDrawer endpoint={logOf} onClose={() => setLogOf(null)} />}
    </Card>
  )
}

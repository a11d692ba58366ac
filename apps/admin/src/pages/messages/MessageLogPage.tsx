import { CustomerName, errorMessage, StaffName, useDebouncedValue, useFormatters } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Flex, Select, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listCustomers } from '../../api/customers'
import { listMessages, MESSAGE_STATES, type Message, type MessageFilters, type MessageState } from './messages-api'
import { channelLabel, KNOWN_CHANNELS, stateColor, templateLabel } from './message-labels'

/** `/admin/messages` (owners, admins, agents): the delivery log, filtered by channel, status and customer (found by name). */
export default function MessageLogPage() {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const { dateTime } = useFormatters()
  const [filters, setFilters] = useState<MessageFilters>({})
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 300)
  const found = useQuery({ queryKey: ['messages', 'customer-search', q], queryFn: ({ signal }) => listCustomers({ q, limit: 10 }, signal), enabled: q.length > 0 })
  const log = useQuery({ queryKey: ['messages', 'log', filters], queryFn: ({ signal }) => listMessages(filters, signal) })
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t('log.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('log.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('log.customer')} style={{ minWidth: 220, flex: '1 1 220px' }} allowClear placeholder={t('log.anyCustomer')}
          showSearch={{ filterOption: false, onSearch: setSearch }} notFoundContent={null} loading={found.isFetching}
          value={filters.customerId} onChange={(customerId?: string) => setFilters({ ...filters, customerId })}
          options={(found.data?.items ?? []).map((c) => ({ value: c.id, label: c.name ?? c.externalId ?? '' }))}
        />
        <Select
          aria-label={t('log.channel')} style={{ minWidth: 160, flex: '1 1 160px' }} allowClear placeholder={t('log.anyChannel')}
          value={filters.channel} onChange={(channel?: string) => setFilters({ ...filters, channel })}
          options={KNOWN_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
        />
        <Select
          aria-label={t('log.state')} style={{ minWidth: 160, flex: '1 1 160px' }} allowClear placeholder={t('log.anyState')}
          value={filters.state} onChange={(state?: MessageState) => setFilters({ ...filters, state })}
          options={MESSAGE_STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        />
      </Flex>
      {log.isError && <Alert type="error" showIcon title={errorMessage(shell, log.error)} style={{ marginBottom: 16 }} />}
      <Table<Message>
        aria-label={t('log.tableLabel')} rowKey="id" dataSource={log.data?.items ?? []} loading={log.isPending} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }} locale={{ emptyText: t('log.empty') }}
        columns={[
          { key: 'time', title: t('log.time'), render: (_, m) => dateTime(m.createdAt) },
          { key: 'recipient', title: t('log.recipient'), render: (_, m) => (m.customerId ? <CustomerName id={m.customerId} /> : m.userId ? <StaffName value={m.userId} /> : null) },
          { key: 'template', title: t('log.template'), render: (_, m) => templateLabel(t, m.template) },
          { key: 'channel', title: t('log.channel'), render: (_, m) => (m.channel ? channelLabel(t, m.channel) : '—') },
          { key: 'state', title: t('log.state'), render: (_, m) => <Tag color={stateColor[m.state]}>{t(`states.${m.state}`)}</Tag> },
          { key: 'attempts', title: t('log.attempts'), dataIndex: 'attempts' },
          { key: 'reason', title: t('log.reason'), render: (_, m) => (m.lastError ? <Typography.Text type="secondary">{m.lastError}</Typography.Text> : null) },
        ]}
      />
    </Card>
  )
}

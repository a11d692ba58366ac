import {
  CustomerName, customerLabel, errorMessage, ListToolbar, StaffName, useCustomerNames, useDebouncedValue, useFormatters, useListKit, useStaff, type ListColumn,
} from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Select, Table, Tag, Typography } from 'antd'
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
  const rows = log.data?.items ?? []
  // The export writes names: the same cache the table's names come from.
  const customerOf = useCustomerNames([...rows.flatMap((m) => (m.customerId ? [m.customerId] : [])), filters.customerId ?? ''])
  const { nameOf: staffOf } = useStaff()
  const recipientText = (m: Message) =>
    m.customerId ? customerLabel(m.customerId, customerOf(m.customerId), shell('customer.erasedCustomer')) : m.userId ? (staffOf(m.userId)?.name ?? shell('staff.removedUser')) : ''
  const columns: ListColumn<Message>[] = [
    { key: 'time', title: t('log.time'), hideable: false, render: (_, m) => dateTime(m.createdAt), exportValue: (m) => dateTime(m.createdAt) },
    { key: 'recipient', title: t('log.recipient'), render: (_, m) => (m.customerId ? <CustomerName id={m.customerId} /> : m.userId ? <StaffName value={m.userId} /> : null), exportValue: recipientText },
    { key: 'template', title: t('log.template'), render: (_, m) => templateLabel(t, m.template), exportValue: (m) => templateLabel(t, m.template) },
    { key: 'channel', title: t('log.channel'), render: (_, m) => (m.channel ? channelLabel(t, m.channel) : '—'), exportValue: (m) => (m.channel ? channelLabel(t, m.channel) : '') },
    { key: 'state', title: t('log.state'), render: (_, m) => <Tag color={stateColor[m.state]}>{t(`states.${m.state}`)}</Tag>, exportValue: (m) => t(`states.${m.state}`) },
    { key: 'attempts', title: t('log.attempts'), dataIndex: 'attempts' },
    { key: 'reason', title: t('log.reason'), render: (_, m) => (m.lastError ? <Typography.Text type="secondary">{m.lastError}</Typography.Text> : null), exportValue: (m) => m.lastError ?? '' },
  ]
  const kit = useListKit<Message, MessageFilters>({ id: 'messages', columns, filters, onApplyFilters: setFilters })
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t('log.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('log.intro')}</Typography.Paragraph>
      <ListToolbar kit={kit} exportName={t('log.title')} rows={() => rows} onReload={() => void log.refetch()}>
        <Select
          aria-label={t('log.customer')} style={{ minWidth: 220, flex: '1 1 220px' }} allowClear placeholder={t('log.anyCustomer')}
          showSearch={{ filterOption: false, onSearch: setSearch }} notFoundContent={null} loading={found.isFetching}
          value={filters.customerId} onChange={(customerId?: string) => setFilters({ ...filters, customerId })}
          options={[
            // The picked customer stays named when the search no longer lists them (a saved filter).
            ...(filters.customerId && !found.data?.items.some((c) => c.id === filters.customerId)
              ? [{ value: filters.customerId, label: customerLabel(filters.customerId, customerOf(filters.customerId), shell('customer.erasedCustomer')) }]
              : []),
            ...(found.data?.items ?? []).map((c) => ({ value: c.id, label: c.name ?? c.externalId ?? '' })),
          ]}
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
      </ListToolbar>
      {log.isError && <Alert type="error" showIcon title={errorMessage(shell, log.error)} style={{ marginBottom: 16 }} />}
      <Table<Message>
        aria-label={t('log.tableLabel')} rowKey="id" dataSource={rows} loading={log.isPending} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }} locale={{ emptyText: t('log.empty') }}
        size={kit.size} columns={kit.columns}
      />
    </Card>
  )
}

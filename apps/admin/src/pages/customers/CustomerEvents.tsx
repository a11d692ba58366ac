import { useInfiniteQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { listCustomerEvents } from '../../api/customers'
import type { CustomerEvent } from '../../api/types'
import { useFormatters } from '@rapport/admin-kit'
import { errorMessage } from '@rapport/admin-kit'
import { eventSummary } from './event-summary'

/** The customer's event log, newest pages loaded on demand. */
export function CustomerEvents({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const { dateTime, money } = useFormatters()
  const events = useInfiniteQuery({
    queryKey: ['customers', 'events', customerId],
    queryFn: ({ pageParam, signal }) => listCustomerEvents(customerId, { cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const items = events.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.events')}</h2>}>
      {events.isError && <Alert type="error" showIcon title={errorMessage(t, events.error)} style={{ marginBottom: 16 }} />}
      <Table<CustomerEvent>
        aria-label={t('customer.eventsLabel')}
        rowKey="id"
        size="small"
        loading={events.isPending || events.isFetchingNextPage}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('customer.eventsEmpty') }}
        columns={[
          {
            key: 'occurredAt',
            dataIndex: 'occurredAt',
            title: t('customer.eventColumns.occurredAt'),
            render: (occurredAt: string) => dateTime(occurredAt),
            width: 200,
          },
          { key: 'type', dataIndex: 'type', title: t('customer.eventColumns.type'), render: (type: string) => <Tag>{type}</Tag> },
          {
            key: 'details',
            title: t('customer.eventColumns.details'),
            render: (_: unknown, event: CustomerEvent) => <Typography.Text>{eventSummary(event, t, money)}</Typography.Text>,
          },
        ]}
      />
      {events.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
          {t('customer.loadMoreEvents')}
        </Button>
      )}
    </Card>
  )
}

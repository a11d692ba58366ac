import { errorMessage, useFormatters } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Alert, Card, Flex, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getTimeline, type TimelineItem } from '../../api/customers'
import { actorLabel } from './actor-label'
import { CursorPager } from './CursorPager'
import { eventSentence, eventTypeName, type Translate } from './event-sentence'
import { useProfileFieldText } from './use-profile-field-text'

const PAGE_SIZE = 10

/** The profile changes one event caused, by label: `价值等级 白银 → 金钻`. */
function ChangesCell({ item, fields }: { item: TimelineItem; fields: ReturnType<typeof useProfileFieldText> }) {
  const shown = (field: string, v: unknown) => (v === null || v === undefined ? '∅' : fields.value(field, v))
  if (item.profileChanges.length === 0) return null
  return (
    <Flex vertical gap={2}>
      {item.profileChanges.map((c) => (
        <Typography.Text key={`${c.field}/${c.source.id}/${String(c.next)}`} style={{ fontSize: 12 }}>
          <Typography.Text strong>{fields.label(c.field)}</Typography.Text> {shown(c.field, c.previous)} → {shown(c.field, c.next)}
        </Typography.Text>
      ))}
    </Flex>
  )
}

/** The customer's events, newest first, a page at a time, with the profile changes each caused. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const { dateTime, money, language } = useFormatters()
  const fields = useProfileFieldText()
  // Cursors of the pages before the current one; the first page has none.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined])
  const cursor = cursors[cursors.length - 1]
  const page = useQuery({
    queryKey: ['customers', 'timeline', customerId, cursor],
    queryFn: ({ signal }) => getTimeline(customerId, { cursor, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  })
  const items = page.data?.items ?? []
  // Event keys are built from the type: the typed t of the shell does not know them.
  const tr = t as unknown as Translate
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.events')}</h2>}>
      {page.isError && <Alert type="error" showIcon title={errorMessage(t, page.error)} style={{ marginBottom: 16 }} />}
      <Table<TimelineItem>
        aria-label={t('customer.eventsLabel')}
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('customer.eventsEmpty') }}
        scroll={{ x: 1130 }}
        columns={[
          { key: 'occurredAt', dataIndex: 'occurredAt', title: t('customer.eventColumns.occurredAt'), render: (at: string) => dateTime(at), width: 180 },
          { key: 'type', dataIndex: 'type', title: t('customer.eventColumns.type'), render: (type: string) => <Tag title={type}>{eventTypeName(type, tr)}</Tag>, width: 130 },
          { key: 'actor', title: t('customer.eventColumns.actor'), width: 170, render: (_: unknown, item: TimelineItem) => actorLabel(item.actor, t) },
          { key: 'details', title: t('customer.eventColumns.details'), width: 340, render: (_: unknown, item: TimelineItem) => eventSentence(item, { t: tr, money, dateTime, number: (n) => n.toLocaleString(language), fieldValue: fields.value, page: items }) },
          { key: 'changes', title: t('customer.eventColumns.changes'), render: (_: unknown, item: TimelineItem) => <ChangesCell item={item} fields={fields} /> },
        ]}
      />
      <CursorPager
        page={cursors.length}
        hasPrevious={cursors.length > 1}
        hasNext={Boolean(page.data?.nextCursor)}
        onPrevious={() => setCursors((list) => list.slice(0, -1))}
        onNext={() => page.data?.nextCursor && setCursors((list) => [...list, page.data.nextCursor ?? undefined])}
        label={t('customer.timelinePages')}
      />
    </Card>
  )
}

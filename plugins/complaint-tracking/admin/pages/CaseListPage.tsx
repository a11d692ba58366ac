import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { CustomerName, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Form, Input, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { channels, priorities, slaStates, statuses } from '../../shared/vocabulary'
import { type Case, type CaseFilters, listCases } from '../api'
import { CategorySelect } from '../components/CategorySelect'
import { paths } from '../components/paths'
import { SlaBadge } from '../components/SlaBadge'
import { useComplaintsConfig } from '../components/use-complaints-config'
import { useComplaintPermissions } from '../components/use-complaint-permissions'

/** The complaint queue: filters, SLA badges, newest first, a page at a time. */
export default function CaseListPage() {
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime, timeZone } = useFormatters()
  const config = useComplaintsConfig()
  const navigate = useNavigate()
  const may = useComplaintPermissions()
  const [filters, setFilters] = useState<CaseFilters>({})
  const cases = useInfiniteQuery({
    queryKey: ['complaint-tracking', 'cases', filters],
    queryFn: ({ pageParam, signal }) => listCases({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const set = (key: keyof CaseFilters) => (value: string | undefined) => setFilters((f) => ({ ...f, [key]: value || undefined }))
  const options = (prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }))
  const select = (key: keyof CaseFilters, prefix: string, values: readonly string[]) => (
    <Form.Item label={t(`list.${key}`)} htmlFor={`complaints-filter-${key}`}>
      <Select id={`complaints-filter-${key}`} aria-label={t(`list.${key}`)} allowClear placeholder={t('common.any')} style={{ minWidth: 150 }}
        value={filters[key]} onChange={set(key)} options={options(prefix, values)} />
    </Form.Item>
  )
  const items = cases.data?.pages.flatMap((p) => p.items) ?? []
  const categoryLabel = (id: string) => config.data?.categories.find((c) => c.id === id)?.label ?? id

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div>
          <Typography.Title level={2} style={{ marginTop: 0 }}>{t('list.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('list.intro', { timeZone })}</Typography.Paragraph>
        </div>
        {may.file && <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(paths.newCase)}>{t('list.newCase')}</Button>}
      </Flex>
      <Card title={t('list.filters')}>
        <Form layout="inline" name="complaints-filters" style={{ rowGap: 8 }}>
          {select('status', 'status', statuses)}
          {select('priority', 'priority', priorities)}
          <Form.Item label={t('list.category')} htmlFor="complaints-filter-category">
            <CategorySelect id="complaints-filter-category" ariaLabel={t('list.category')} categories={config.data?.categories ?? []} allowClear
              placeholder={t('common.any')} value={filters.category} onChange={set('category')} />
          </Form.Item>
          {select('channel', 'channel', channels)}
          {select('sla', 'sla', slaStates)}
          <Form.Item label={t('list.assignee')} htmlFor="complaints-filter-assignee">
            <Input.Search id="complaints-filter-assignee" placeholder={t('list.assigneePlaceholder')} allowClear onSearch={set('assignee')} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </Card>
      {cases.isError ? <QueryErrorResult error={cases.error} onRetry={() => void cases.refetch()} /> : (
        <Card>
          <Table<Case>
            rowKey="id" dataSource={items} loading={cases.isPending} pagination={false} scroll={{ x: 1300 }}
            locale={{ emptyText: t('list.empty') }}
            columns={[
              { title: t('list.id'), dataIndex: 'id', width: 150, ellipsis: true, render: (id: string) => <Link to={paths.detail(id)}>{id}</Link> },
              { title: t('list.status'), dataIndex: 'status', render: (s: string) => t(`status.${s}`) },
              { title: t('list.priority'), dataIndex: 'priority', render: (p: string) => t(`priority.${p}`) },
              { title: t('list.sla'), key: 'sla', width: 230, render: (_: unknown, c) => <SlaBadge state={c.slaState} breachAt={c.slaBreachAt} /> },
              { title: t('list.category'), dataIndex: 'category', render: categoryLabel },
              { title: t('list.channel'), dataIndex: 'channel', render: (ch: string) => t(`channel.${ch}`) },
              { title: t('list.customer'), key: 'customer', width: 150, ellipsis: true, render: (_: unknown, c) => c.customerId ? <CustomerName id={c.customerId} /> : `${c.contact?.name ?? ''} (${t('list.publicForm')})` },
              { title: t('list.assignee'), dataIndex: 'assigneeId', render: (a: string | null) => a ?? t('common.unassigned') },
              { title: t('list.created'), dataIndex: 'createdAt', width: 170, render: (at: string) => dateTime(at) },
              { title: t('list.description'), dataIndex: 'description', ellipsis: true },
            ]}
          />
          {cases.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>{t('common.loadMore')}</Button>
            </Flex>
          )}
        </Card>
      )}
    </Flex>
  )
}

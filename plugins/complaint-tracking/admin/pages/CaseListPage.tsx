import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { CustomerName, QueryErrorResult, StaffName, StaffSelect, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useInfiniteQuery } from '@tanstack/react-query'
import { Button, Card, Checkbox, Flex, Form, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { channels, priorities, slaStates, statuses } from '../../shared/vocabulary'
import { type Case, type CaseFilters, listCases } from '../api'
import { caseNumberOf } from '../components/case-number'
import { CategorySelect } from '../components/CategorySelect'
import { paths } from '../components/paths'
import { BulkBar } from '../components/BulkBar'
import { SlaBadge } from '../components/SlaBadge'
import { useComplaintLabels } from '../components/use-complaint-labels'
import { useComplaintPermissions } from '../components/use-complaint-permissions'
import { ViewBar } from '../components/ViewBar'

const filterKeys: ReadonlyArray<keyof CaseFilters> = ['status', 'priority', 'category', 'channel', 'assignee', 'sla', 'tag', 'number']

/** The complaint queue: filters, SLA badges, newest first, a page at a time. */
export default function CaseListPage() {
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const { category: categoryLabel, slaTimeZones, config } = useComplaintLabels()
  const navigate = useNavigate()
  const may = useComplaintPermissions()
  const [params] = useSearchParams()
  // A dashboard widget drills down here with its filters in the URL (?status=open).
  const [filters, setFilters] = useState<CaseFilters>(() => Object.fromEntries([...params].filter(([key]) => filterKeys.includes(key as keyof CaseFilters))))
  const [selected, setSelected] = useState<string[]>([])
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

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div>
          <Typography.Title level={2} style={{ marginTop: 0 }}>{t('list.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('list.intro', { timeZone: slaTimeZones })}</Typography.Paragraph>
        </div>
        {may.file && <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(paths.newCase)}>{t('list.newCase')}</Button>}
      </Flex>
      <Card title={t('list.filters')}>
        <div style={{ marginBottom: 12 }}><ViewBar filters={filters} onApply={setFilters} /></div>
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
            <StaffSelect id="complaints-filter-assignee" ariaLabel={t('list.assignee')} placeholder={t('list.assigneePlaceholder')} allowClear value={filters.assignee === 'me' ? undefined : filters.assignee} onChange={set('assignee')} />
          </Form.Item>
        </Form>
      </Card>
      {cases.isError ? <QueryErrorResult error={cases.error} onRetry={() => void cases.refetch()} /> : (
        <Card>
          {may.bulk && items.length > 0 && (
            <Checkbox style={{ marginBottom: 8 }} checked={selected.length === items.length} indeterminate={selected.length > 0 && selected.length < items.length}
              onChange={(e: { target: { checked: boolean } }) => setSelected(e.target.checked ? items.map((c) => c.id) : [])}>{t('bulk.selectAll')}</Checkbox>
          )}
          {may.bulk && selected.length > 0 && <BulkBar ids={selected} onDone={() => setSelected([])} />}
          <Table<Case>
            rowKey="id" dataSource={items} loading={cases.isPending} pagination={false} scroll={{ x: 1120 }} tableLayout="fixed"
            locale={{ emptyText: t('list.empty') }}
            columns={[
              // Our own selection column with a plain title: antd's rowSelection (and a checkbox title) put a
              // focusable checkbox in the table's aria-hidden measure row.
              ...(may.bulk ? [{
                title: '',
                key: 'select', width: 44,
                render: (_: unknown, c: Case) => <Checkbox aria-label={t('bulk.select', { number: caseNumberOf(c) })} checked={selected.includes(c.id)}
                  onChange={(e: { target: { checked: boolean } }) => setSelected((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)))} />,
              }] : []),
              // A case opens from its number and its description; an id is no name for people.
              { title: t('list.id'), key: 'number', width: 130, render: (_: unknown, c) => { const n = caseNumberOf(c); return n ? <Link to={paths.detail(c.id)} style={{ whiteSpace: 'nowrap' }}>{n}</Link> : t('common.none') } },
              { title: t('list.description'), key: 'description', ellipsis: true, render: (_: unknown, c) => <Link to={paths.detail(c.id)}>{c.description}</Link> },
              { title: t('list.status'), dataIndex: 'status', width: 100, render: (s: string) => t(`status.${s}`) },
              { title: t('list.priority'), dataIndex: 'priority', width: 72, render: (p: string) => t(`priority.${p}`) },
              { title: t('list.sla'), key: 'sla', width: 170, render: (_: unknown, c) => <SlaBadge state={c.slaState} breachAt={c.slaBreachAt} /> },
              { title: t('list.category'), dataIndex: 'category', width: 100, render: (id: string) => categoryLabel(id) },
              { title: t('list.channel'), dataIndex: 'channel', width: 72, render: (ch: string) => t(`channel.${ch}`) },
              { title: t('list.customer'), key: 'customer', width: 110, ellipsis: true, render: (_: unknown, c) => c.customerId ? <CustomerName id={c.customerId} /> : `${c.contact?.name ?? ''} (${t('list.publicForm')})` },
              { title: t('list.assignee'), dataIndex: 'assigneeId', width: 100, ellipsis: true, render: (a: string | null) => <StaffName value={a} emptyText={t('common.unassigned')} /> },
              { title: t('list.created'), dataIndex: 'createdAt', width: 140, render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(at)}</span> },
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

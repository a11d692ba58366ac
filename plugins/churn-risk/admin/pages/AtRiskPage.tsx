import { CustomerName, PageLoading, QueryErrorResult, useCan, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Segmented, Table, Tag, Typography } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { useState } from 'react'
import type { AtRiskCustomer, AtRiskQuery } from '../../shared/schemas'
import { getAtRisk, offerWinBack } from '../api'

const bandColors = { low: 'green', medium: 'orange', high: 'red' } as const
const PAGE_SIZE = 50

type SortKey = 'score' | 'revenueAtStake' | 'lastOrderAt'

/** Customers by churn-risk band with their reasons and revenue at stake, sortable, with the win-back action. */
export default function AtRiskPage() {
  const { t } = usePluginTranslation('churn-risk')
  const format = useFormatters()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const [band, setBand] = useState<AtRiskQuery['band']>('atRisk')
  const [sort, setSort] = useState<AtRiskQuery['sort']>('-score')
  const [page, setPage] = useState(1)
  // The win-back offer only for roles the server lets make it.
  const mayWinBack = useCan()('POST', '/api/p/churn-risk/customers/{customerId}/win-back')
  const query: AtRiskQuery = { band, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }
  const list = useQuery({ queryKey: ['churn-risk', 'customers', query], queryFn: ({ signal }) => getAtRisk(query, signal) })
  const winBack = useMutation({
    mutationFn: offerWinBack,
    onSuccess: (r) => {
      if (r.status === 'offered') void message.success(t('list.offered', { points: r.points }))
      else if (r.status === 'alreadyOffered') void message.info(t('list.alreadyOffered'))
      else void message.warning(t('list.unavailable', { reason: r.reason }))
      void queryClient.invalidateQueries({ queryKey: ['churn-risk'] })
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : String(err)),
  })

  if (list.isPending) return <PageLoading />
  if (list.isError) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />

  const sortOrder = (key: SortKey) => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null)
  const onSort = (s: SorterResult<AtRiskCustomer> | SorterResult<AtRiskCustomer>[]) => {
    const one = Array.isArray(s) ? s[0] : s
    const key = one?.columnKey as SortKey | undefined
    setSort(!key || !one?.order ? '-score' : (`${one.order === 'descend' ? '-' : ''}${key}` as AtRiskQuery['sort']))
    setPage(1)
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('list.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      </div>
      <Segmented
        value={band}
        onChange={(value) => { setBand(value as AtRiskQuery['band']); setPage(1) }}
        options={(['atRisk', 'high', 'medium', 'low', 'all'] as const).map((value) => ({ value, label: t(`bands.${value}`) }))}
      />
      <Table<AtRiskCustomer>
        rowKey="customerId"
        dataSource={list.data.items}
        onChange={(_p, _f, sorter) => onSort(sorter)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data.total, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: t('list.customer'), dataIndex: 'customerId', render: (id: string) => <CustomerName id={id} /> },
          { title: t('list.score'), key: 'score', dataIndex: 'score', sorter: true, sortOrder: sortOrder('score'), render: (score: number, r) => <Tag color={bandColors[r.band]}>{score} · {t(`bands.${r.band}`)}</Tag> },
          { title: t('list.reasons'), dataIndex: 'reasons', render: (reasons: AtRiskCustomer['reasons'], r) => reasons.map((k) => <Tag key={k}>{t(`reasons.${k}`)} +{r.parts[k]}</Tag>) },
          { title: t('list.lastOrder'), key: 'lastOrderAt', dataIndex: 'lastOrderAt', sorter: true, sortOrder: sortOrder('lastOrderAt'), render: (at: string | null) => (at ? format.dateTime(at) : '–') },
          { title: t('list.typicalGap'), dataIndex: 'typicalGapDays', render: (d: number | null) => (d === null ? '–' : t('list.days', { count: Math.round(d) })) },
          { title: t('list.pActive'), dataIndex: 'pActive', render: (p: number | null) => (p === null ? '–' : `${Math.round(p * 100)}%`) },
          { title: t('list.revenueAtStake'), key: 'revenueAtStake', dataIndex: 'revenueAtStakeMinor', sorter: true, sortOrder: sortOrder('revenueAtStake'), align: 'right', render: (v: number, r) => format.money(v, r.currency) ?? String(v) },
          ...(mayWinBack ? [{
            title: t('list.actions'), key: 'actions',
            render: (_v: unknown, r: AtRiskCustomer) => <Button size="small" loading={winBack.isPending && winBack.variables === r.customerId} onClick={() => winBack.mutate(r.customerId)}>{t('list.winBack')}</Button>,
          }] : []),
        ]}
      />
    </Flex>
  )
}

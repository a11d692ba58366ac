import { StaffName, useStaff, usePluginTranslation } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Form, Radio, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { channels, priorities } from '../../shared/vocabulary'
import { getSlaAnalytics, type SlaAnalytics, type SlaAnalyticsQuery } from '../api'
import { CategorySelect } from './CategorySelect'
import { useComplaintLabels } from './use-complaint-labels'

type Row = SlaAnalytics['groups'][number]
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)
const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))

/** SLA hit rates by agent, category or channel over business days, with filters and a CSV export in the page's language. */
export function SlaBreakdownCard({ from, to }: { from: string; to: string }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { category: categoryLabel, config } = useComplaintLabels()
  const { staff } = useStaff()
  const [by, setBy] = useState<SlaAnalyticsQuery['by']>('agent')
  const [filters, setFilters] = useState<Pick<SlaAnalyticsQuery, 'category' | 'channel' | 'priority'>>({})
  const query = { from, to, by, ...filters }
  const data = useQuery({ queryKey: ['complaint-tracking', 'analytics-sla', query], queryFn: ({ signal }) => getSlaAnalytics(query, signal), enabled: from <= to, placeholderData: keepPreviousData })
  const keyText = (key: string | null) => (by === 'agent' ? (key ? staff?.find((m) => m.id === key)?.name ?? t('sla_extra.unknownAgent') : t('common.unassigned'))
    : by === 'category' ? categoryLabel(key ?? '') : t(`channel.${key}`))
  const exportCsv = () => {
    const head = [t(`slaBy.${by}`), t('slaBy.target'), t('slaBy.total'), t('slaBy.met'), t('slaBy.running'), t('slaBy.rate'), t('slaBy.mean')]
    const rows = (data.data?.groups ?? []).map((g) => [keyText(g.key), t(`target.${g.target}`), g.total, g.met, g.breachedRunning, percent(g.rate), g.meanElapsedMinutes ?? ''])
    const csv = `\uFEFF${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    link.download = `sla-${by}-${from}-${to}.csv`
    link.click()
    URL.revokeObjectURL(link.href)
  }
  const set = (key: keyof typeof filters) => (v?: string) => setFilters((f) => ({ ...f, [key]: v || undefined }))
  return (
    <Card title={t('slaBy.title')} extra={<Button onClick={exportCsv} disabled={!data.data?.groups.length}>{t('slaBy.export')}</Button>}>
      <Typography.Paragraph type="secondary">{t('slaBy.intro', { timeZone: data.data?.timeZone ?? '' })}</Typography.Paragraph>
      <Flex vertical gap={12}>
        <Radio.Group optionType="button" value={by} onChange={(e) => setBy(e.target.value)} aria-label={t('slaBy.groupBy')}
          options={(['agent', 'category', 'channel'] as const).map((v) => ({ value: v, label: t(`slaBy.${v}`) }))} />
        <Form layout="inline" name="complaint-sla-filters" style={{ rowGap: 8 }}>
          <Form.Item label={t('list.category')}>
            <CategorySelect ariaLabel={t('list.category')} categories={config.data?.categories ?? []} allowClear placeholder={t('common.any')} value={filters.category} onChange={set('category')} />
          </Form.Item>
          <Form.Item label={t('list.channel')}>
            <Select<string> aria-label={t('list.channel')} allowClear placeholder={t('common.any')} style={{ minWidth: 130 }} value={filters.channel} onChange={set('channel')}
              options={channels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          <Form.Item label={t('list.priority')}>
            <Select<string> aria-label={t('list.priority')} allowClear placeholder={t('common.any')} style={{ minWidth: 110 }} value={filters.priority} onChange={set('priority')}
              options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          </Form.Item>
        </Form>
        <Table<Row> size="small" rowKey={(r) => `${r.key}:${r.target}`} loading={data.isFetching} dataSource={data.data?.groups ?? []} pagination={false}
          scroll={{ x: 'max-content' }} locale={{ emptyText: t('analytics.empty') }} columns={[
            { title: t(`slaBy.${by}`), key: 'key', render: (_: unknown, r) => (by === 'agent' && r.key ? <StaffName value={r.key} /> : keyText(r.key)) },
            { title: t('slaBy.target'), dataIndex: 'target', render: (v: string) => t(`target.${v}`) },
            { title: t('slaBy.total'), dataIndex: 'total' },
            { title: t('slaBy.met'), dataIndex: 'met' },
            { title: t('slaBy.running'), dataIndex: 'breachedRunning' },
            { title: t('slaBy.rate'), dataIndex: 'rate', render: (v: number | null) => percent(v) },
            { title: t('slaBy.mean'), dataIndex: 'meanElapsedMinutes', render: (v: number | null) => v ?? '—' },
          ]} />
      </Flex>
    </Card>
  )
}

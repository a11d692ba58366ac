import { CustomerName, QueryErrorResult, StaffName, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Radio, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { type FollowUp, listFollowUps } from '../api'
import { paths } from '../components/paths'
import { useComplaintPermissions } from '../components/use-complaint-permissions'
import { useComplaintsConfig } from '../components/use-complaints-config'
import { VisitCallModal } from '../components/visits/VisitCallModal'

type Scope = 'mine' | 'due' | 'pending'
const queries: Record<Scope, Parameters<typeof listFollowUps>[0]> = { mine: { owner: 'me', due: 'today' }, due: { due: 'true' }, pending: { status: 'pending' } }

/** Follow-up visits (回访): my visits due today, all due now, all pending; a call records its outcome. */
export default function FollowUpsPage() {
  const may = useComplaintPermissions()
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const config = useComplaintsConfig()
  const [scope, setScope] = useState<Scope>('mine')
  const [calling, setCalling] = useState<FollowUp | null>(null)
  const visits = useQuery({ queryKey: ['complaint-tracking', 'follow-ups', scope], queryFn: ({ signal }) => listFollowUps(queries[scope], signal) })
  const planLabel = (id: string) => config.data?.visits.plans.find((p) => p.id === id)?.label ?? t('visits.plan')
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('followUps.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('followUps.intro')}</Typography.Paragraph>
      </div>
      <Radio.Group aria-label={t('followUps.status')} optionType="button" value={scope} onChange={(e) => setScope(e.target.value)}
        options={[{ value: 'mine', label: t('visits.mineToday') }, { value: 'due', label: t('followUps.due') }, { value: 'pending', label: t('followUps.all') }]} />
      {visits.isError ? <QueryErrorResult error={visits.error} onRetry={() => void visits.refetch()} /> : (
        <Card>
          <Table<FollowUp> rowKey="id" loading={visits.isPending} dataSource={visits.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('followUps.empty') }}
            columns={[
              { title: t('list.customer'), dataIndex: 'customerId', render: (id: string | null) => (id ? <CustomerName id={id} /> : t('common.none')) },
              { title: t('visits.reason'), key: 'reason', render: (_: unknown, f) => (f.caseId
                ? <Link to={paths.detail(f.caseId)} style={{ whiteSpace: 'nowrap' }}>{t('followUps.openCase')}</Link>
                : f.planId ? planLabel(f.planId) : t('visits.manual')) },
              { title: t('visits.owner'), dataIndex: 'ownerId', render: (id: string | null) => <StaffName value={id} emptyText={t('common.unassigned')} /> },
              { title: t('followUps.dueAt'), dataIndex: 'dueAt', render: (at: string) => dateTime(at) },
              { title: t('visits.attempts'), dataIndex: 'attempts' },
              { title: t('followUps.status'), dataIndex: 'status', render: (s: string) => t(`followUps.statusValue.${s}`) },
              { title: '', key: 'record', render: (_: unknown, f) => f.status === 'pending' && may.recordFollowUp && (
                <Button onClick={() => setCalling(f)}>{t('visits.call')}</Button>
              ) },
            ]} />
        </Card>
      )}
      <VisitCallModal visit={calling} onClose={() => setCalling(null)} />
    </Flex>
  )
}

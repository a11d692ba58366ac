import { CustomerName, PageLoading, QueryErrorResult, StaffName, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Col, Descriptions, Flex, Row, Table, Tag, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { type CaseDetail, getCase } from '../api'
import { AttachmentsCard } from '../components/AttachmentsCard'
import { caseNumberOf } from '../components/case-number'
import { HistoryTimeline } from '../components/HistoryTimeline'
import { FieldsCard } from '../components/FieldsCard'
import { MergeCard } from '../components/MergeCard'
import { MessagesCard } from '../components/MessagesCard'
import { paths } from '../components/paths'
import { SlaBadge } from '../components/SlaBadge'
import { StatusCard } from '../components/StatusCard'
import { useComplaintLabels } from '../components/use-complaint-labels'
import { useComplaintPermissions } from '../components/use-complaint-permissions'

type Target = NonNullable<CaseDetail['sla']>['targets'][number]

/** One case: its fields, SLA clocks, conversation, files, actions, follow-up visits and history. */
export default function CaseDetailPage() {
  const { id = '' } = useParams()
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const labels = useComplaintLabels()
  const may = useComplaintPermissions()
  const found = useQuery({ queryKey: ['complaint-tracking', 'case', id], queryFn: ({ signal }) => getCase(id, signal) })
  if (found.isPending) return <PageLoading />
  if (found.isError) return <QueryErrorResult error={found.error} onRetry={() => void found.refetch()} />
  const kase = found.data
  const none = t('common.none')
  const category = labels.category(kase.category)
  return (
    <Flex vertical gap={16}>
      <div>
        <Link to={paths.list}>← {t('detail.back')}</Link>
        <Flex gap={12} align="center" wrap style={{ marginTop: 8 }}>
          <Typography.Title level={2} style={{ margin: 0 }}>{t('detail.title', { category })}</Typography.Title>
          {caseNumberOf(kase) ? <Typography.Text copyable strong>{caseNumberOf(kase)}</Typography.Text>
            : <Typography.Text copyable={{ text: kase.id, tooltips: [t('detail.copyId'), t('detail.copied')] }} />}
          <Tag color={kase.status === 'resolved' || kase.status === 'closed' ? 'default' : 'blue'}>{t(`status.${kase.status}`)}</Tag>
          <SlaBadge state={kase.slaState} breachAt={kase.slaBreachAt} />
        </Flex>
      </div>
      {kase.mergedInto && (
        <Alert type="info" showIcon message={<>{t('merge.mergedInto')} <Link to={paths.detail(kase.mergedInto)}>{t('merge.openSurvivor')}</Link></>} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Card title={t('detail.description')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{kase.description}</Typography.Paragraph>
            </Card>
            <MessagesCard kase={kase} />
            <AttachmentsCard kase={kase} />
            <Card title={t('detail.timeline')}><HistoryTimeline history={kase.history} /></Card>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            <Card title={t('detail.fields')}>
              <Descriptions column={1} size="small" items={[
                { key: 'customer', label: t('detail.customer'), children: kase.customerId ? <CustomerName id={kase.customerId} />
                  : kase.contact ? `${kase.contact.name} ${kase.contact.email ?? kase.contact.phone ?? ''} (${t('detail.publicContact')})` : none },
                { key: 'channel', label: t('detail.channel'), children: t(`channel.${kase.channel}`) },
                { key: 'category', label: t('detail.category'), children: category },
                { key: 'priority', label: t('detail.priority'), children: t(`priority.${kase.priority}`) },
                { key: 'order', label: t('detail.orderRef'), children: kase.orderRef ?? none },
                { key: 'created', label: t('detail.created'), children: dateTime(kase.createdAt) },
                { key: 'createdBy', label: t('detail.createdBy'), children: <StaffName value={kase.createdBy} /> },
                { key: 'assignee', label: t('detail.assignee'), children: <StaffName value={kase.assigneeId} emptyText={t('common.unassigned')} /> },
                { key: 'resolution', label: t('detail.resolution'), children: kase.resolutionCode ? `${labels.resolution(kase.resolutionCode)}: ${kase.resolutionSummary ?? ''}` : none },
                { key: 'goodwill', label: t('detail.goodwill'), children: kase.goodwillPoints ?? none },
                { key: 'csat', label: t('detail.csat'), children: kase.csat ?? none },
                { key: 'reopen', label: t('detail.reopenCount'), children: kase.reopenCount },
              ]} />
            </Card>
            <FieldsCard key={JSON.stringify(kase.fields)} kase={kase} />
            <StatusCard key={`${kase.status}:${kase.assigneeId ?? ''}`} kase={kase} />
            {may.merge && kase.mergedInto === null && kase.status !== 'closed' && <MergeCard kase={kase} />}
            {kase.sla && (
              <Card title={t('detail.slaTitle', { policy: labels.policy(kase.sla.policyId), calendar: labels.policy(kase.sla.calendarId) })}>
                <Table<Target> size="small" pagination={false} rowKey={(r) => `${r.target}:${r.cycle}`} dataSource={kase.sla.targets} columns={[
                  { title: t('list.sla'), key: 'target', render: (_: unknown, r) => t(`target.${r.target}`) },
                  { title: t('list.status'), key: 'state', render: (_: unknown, r) => (
                    <Flex vertical gap={2} align="start">
                      <SlaBadge state={r.state} breachAt={r.running ? r.breachAt : null} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.paused ? t('detail.paused') : !r.running ? t('detail.stopped') : ''} {t('detail.elapsed', { elapsed: Math.round(r.elapsedMinutes), target: r.targetMinutes })}
                      </Typography.Text>
                    </Flex>
                  ) },
                ]} />
              </Card>
            )}
            {kase.followUps.length > 0 && (
              <Card title={t('detail.followUps')}>
                {kase.followUps.map((f) => (
                  <Typography.Paragraph key={f.id} style={{ marginBottom: 4 }}>{dateTime(f.dueAt)} · {t(`followUps.statusValue.${f.status}`)}</Typography.Paragraph>
                ))}
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </Flex>
  )
}

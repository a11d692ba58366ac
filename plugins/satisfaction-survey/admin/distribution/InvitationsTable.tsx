import { CustomerName, PageLoading, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Table, Tag } from 'antd'
import { Link } from 'react-router'
import { listInvitations, type Invitation } from '../api/distribution'
import { eventKey, surveyPaths } from '../pages/paths'

const statusColors: Record<string, string> = { created: 'default', opened: 'blue', partial: 'gold', completed: 'green', expired: 'red' }

/** The survey's invitations, newest first, with their status. */
export function InvitationsTable({ surveyId }: { surveyId: string }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const format = useFormatters()
  const invitations = useQuery({ queryKey: ['satisfaction-survey', 'invitations', surveyId], queryFn: ({ signal }) => listInvitations(surveyId, signal) })
  return (
    <Card title={t('distribution.invitations')}>
      {invitations.isPending ? (
        <PageLoading />
      ) : invitations.isError ? (
        <QueryErrorResult error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : (
        <Table<Invitation>
          rowKey="id"
          size="small"
          dataSource={invitations.data.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('distribution.noInvitations') }}
          columns={[
            { title: t('distribution.customer'), dataIndex: 'customerId', render: (cid: string) => <CustomerName id={cid} /> },
            { title: t('distribution.status'), dataIndex: 'status', render: (s: string) => <Tag color={statusColors[s]}>{t(`invitation.${s}`)}</Tag> },
            { title: t('distribution.source'), dataIndex: 'source', render: (s: string) => t(`source.${eventKey(s)}`, { defaultValue: s }) },
            { title: t('distribution.version'), dataIndex: 'version' },
            { title: t('distribution.locale'), dataIndex: 'locale', render: (l: string) => t(`locale.${l}`, { defaultValue: l }) },
            { title: t('distribution.created'), dataIndex: 'createdAt', render: (at: string) => format.dateTime(at) },
            { title: t('distribution.expires'), dataIndex: 'expiresAt', render: (at: string) => format.dateTime(at) },
            { title: t('distribution.response'), dataIndex: 'responseId', render: (rid: string | null) => (rid ? <Link to={surveyPaths.response(rid)}>{t('distribution.viewResponse')}</Link> : '–') },
          ]}
        />
      )}
    </Card>
  )
}

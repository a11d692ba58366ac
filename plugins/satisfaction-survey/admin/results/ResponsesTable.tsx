import { CustomerName, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Table, Tag } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { listResponses, type SurveyResponse } from '../api/responses'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { surveyPaths } from '../pages/paths'

/** Completed responses, newest first, a page at a time. */
export function ResponsesTable({ surveyId }: { surveyId: string }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const format = useFormatters()
  const errorText = useSurveyErrorText()
  const [cursors, setCursors] = useState<string[]>([])
  const cursor = cursors.at(-1)
  const responses = useQuery({ queryKey: ['satisfaction-survey', 'responses', surveyId, cursor], queryFn: ({ signal }) => listResponses(surveyId, cursor, signal) })
  return (
    <Card title={t('results.responseList')}>
      {responses.isError && <p role="alert">{errorText(responses.error)}</p>}
      <Table<SurveyResponse>
        rowKey="id"
        size="small"
        loading={responses.isPending}
        dataSource={responses.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('results.noResponses') }}
        columns={[
          { title: t('results.completedAt'), dataIndex: 'completedAt', render: (at: string | null, r) => <Link to={surveyPaths.response(r.id)}>{at ? format.dateTime(at) : '–'}</Link> },
          { title: t('results.customer'), dataIndex: 'customerId', render: (cid: string | null) => (cid ? <CustomerName id={cid} /> : t('results.anonymous')) },
          { title: t('results.channel'), dataIndex: 'channel', render: (c: string) => <Tag>{t(`channel.${c}`, { defaultValue: c })}</Tag> },
          { title: 'NPS', key: 'nps', render: (_, r) => r.scores.nps ?? '–' },
          { title: 'CSAT', key: 'csat', render: (_, r) => r.scores.csat ?? '–' },
          { title: 'CES', key: 'ces', render: (_, r) => r.scores.ces ?? '–' },
          { title: t('distribution.version'), dataIndex: 'version' },
        ]}
      />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('results.newer')}
        </Button>
        <Button disabled={!responses.data?.nextCursor} onClick={() => setCursors([...cursors, responses.data!.nextCursor!])}>
          {t('results.older')}
        </Button>
      </Flex>
    </Card>
  )
}

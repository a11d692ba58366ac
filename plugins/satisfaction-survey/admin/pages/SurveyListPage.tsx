import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { PageLoading, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { archiveSurvey, deleteSurvey, listSurveys, type Survey } from '../api/surveys'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { CreateSurveyModal } from './CreateSurveyModal'
import { surveyPaths } from './paths'
import { SurveyStatusTag } from './SurveyStatusTag'
import { useSurveyPermissions } from '../api/use-survey-permissions'

/** Every survey with its status and languages; create, archive, and delete never-published drafts. */
export default function SurveyListPage() {
  const may = useSurveyPermissions()
  const { t } = usePluginTranslation('satisfaction-survey')
  const format = useFormatters()
  const { message } = App.useApp()
  const errorText = useSurveyErrorText()
  const queryClient = useQueryClient()
  const [creating, setCreating] = useState(false)
  const surveys = useQuery({ queryKey: ['satisfaction-survey', 'surveys'], queryFn: ({ signal }) => listSurveys(signal) })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['satisfaction-survey'] })
  const archive = useMutation({ mutationFn: archiveSurvey, onSuccess: () => { void message.success(t('list.archived')); void refresh() }, onError: (e) => void message.error(errorText(e)) })
  const remove = useMutation({ mutationFn: deleteSurvey, onSuccess: () => { void message.success(t('list.deleted')); void refresh() }, onError: (e) => void message.error(errorText(e)) })

  if (surveys.isPending) return <PageLoading />
  if (surveys.isError) return <QueryErrorResult error={surveys.error} onRetry={() => void surveys.refetch()} />

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {t('list.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('list.intro')}
          </Typography.Paragraph>
        </div>
        {may.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('list.create')}
          </Button>
        )}
      </Flex>
      <Table<Survey>
        rowKey="id"
        dataSource={surveys.data.items}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('list.name'), dataIndex: 'name', render: (name: string, s) => <Link to={surveyPaths.builder(s.id)}>{name}</Link> },
          { title: t('list.status'), key: 'status', render: (_, s) => <SurveyStatusTag survey={s} /> },
          { title: t('list.languages'), dataIndex: 'locales', render: (locales: string[]) => locales.map((l) => <Tag key={l}>{t(`locale.${l}`)}</Tag>) },
          { title: t('list.created'), dataIndex: 'createdAt', render: (at: string) => format.dateTime(at) },
          {
            title: t('list.actions'),
            key: 'actions',
            render: (_, s) => (
              <Space wrap size="small">
                <Link to={surveyPaths.builder(s.id)}>{t('nav.builder')}</Link>
                {s.latestVersion !== null && <Link to={surveyPaths.distribution(s.id)}>{t('nav.distribution')}</Link>}
                {s.latestVersion !== null && <Link to={surveyPaths.results(s.id)}>{t('nav.results')}</Link>}
                {may.archive && s.status !== 'archived' && s.latestVersion !== null && (
                  <Popconfirm title={t('list.archiveConfirm', { name: s.name })} okText={t('list.archive')} cancelText={t('common.cancel')} onConfirm={() => archive.mutateAsync(s.id)}>
                    <Button size="small" aria-label={t('list.archiveNamed', { name: s.name })}>
                      {t('list.archive')}
                    </Button>
                  </Popconfirm>
                )}
                {may.remove && s.latestVersion === null && (
                  <Popconfirm title={t('list.deleteConfirm', { name: s.name })} okText={t('list.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => remove.mutateAsync(s.id)}>
                    <Button size="small" danger aria-label={t('list.deleteNamed', { name: s.name })}>
                      {t('list.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateSurveyModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  )
}

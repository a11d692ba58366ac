import { errorMessage } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listTemplates, type TemplateSummary } from './messages-api'
import { templateLabel } from './message-labels'
import { TemplateEditor } from './TemplateEditor'

/** `/admin/message-templates` (owners, admins, agents read; owners and admins save): the templates and their editor with a live preview. */
export default function TemplatesPage() {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const templates = useQuery({ queryKey: ['messages', 'templates'], queryFn: ({ signal }) => listTemplates(signal) })
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t('templates.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('templates.intro')}</Typography.Paragraph>
      {templates.isError && <Alert type="error" showIcon title={errorMessage(shell, templates.error)} style={{ marginBottom: 16 }} />}
      <Table<TemplateSummary>
        aria-label={t('templates.tableLabel')} rowKey="id" dataSource={templates.data?.items ?? []} loading={templates.isPending} pagination={false}
        columns={[
          { key: 'name', title: t('templates.name'), render: (_, tpl) => <Typography.Text strong>{templateLabel(t, tpl.id)}</Typography.Text> },
          {
            key: 'edit', title: '', align: 'right',
            render: (_, tpl) => <Button onClick={() => setEditing(tpl.id)} aria-label={t('templates.editLabel', { name: templateLabel(t, tpl.id) })}>{t('templates.edit')}</Button>,
          },
        ]}
      />
      {editing && <TemplateEditor id={editing} onClose={() => setEditing(null)} />}
    </Card>
  )
}

import { CustomerName, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Checkbox, Flex, Form, Input, Modal, Radio, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { type FollowUp, listFollowUps, recordOutcome } from '../api'
import { paths } from '../components/paths'
import { useComplaintError } from '../components/use-complaint-error'
import { useComplaintPermissions } from '../components/use-complaint-permissions'

type Outcome = { reached: boolean; satisfied: boolean; notes?: string }

/** Follow-up visits (回访) due after resolutions, and recording their outcome. */
export default function FollowUpsPage() {
  const may = useComplaintPermissions()
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const [scope, setScope] = useState<'due' | 'pending'>('due')
  const [recording, setRecording] = useState<FollowUp | null>(null)
  const [form] = Form.useForm<Outcome>()
  const reached = Form.useWatch('reached', form)
  const visits = useQuery({
    queryKey: ['complaint-tracking', 'follow-ups', scope],
    queryFn: ({ signal }) => listFollowUps(scope === 'due' ? { due: 'true' } : { status: 'pending' }, signal),
  })
  const saving = useMutation({
    mutationFn: (v: Outcome) => recordOutcome(recording!.id, { reached: v.reached, satisfied: v.reached ? v.satisfied : null, ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}) }),
    onSuccess: () => {
      void message.success(t('followUps.recorded'))
      setRecording(null)
      void client.invalidateQueries({ queryKey: ['complaint-tracking', 'follow-ups'] })
    },
    onError: (err) => void message.error(messageOf(err)),
  })
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('followUps.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('followUps.intro')}</Typography.Paragraph>
      </div>
      <Radio.Group aria-label={t('followUps.status')} optionType="button" value={scope} onChange={(e) => setScope(e.target.value)}
        options={[{ value: 'due', label: t('followUps.due') }, { value: 'pending', label: t('followUps.all') }]} />
      {visits.isError ? <QueryErrorResult error={visits.error} onRetry={() => void visits.refetch()} /> : (
        <Card>
          <Table<FollowUp> rowKey="id" loading={visits.isPending} dataSource={visits.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('followUps.empty') }}
            columns={[
              { title: t('followUps.case'), dataIndex: 'caseId', render: (id: string) => <Link to={paths.detail(id)} style={{ whiteSpace: 'nowrap' }}>{t('followUps.openCase')}</Link> },
              { title: t('list.customer'), dataIndex: 'customerId', render: (id: string | null) => (id ? <CustomerName id={id} /> : t('common.none')) },
              { title: t('followUps.dueAt'), dataIndex: 'dueAt', render: (at: string) => dateTime(at) },
              { title: t('followUps.status'), dataIndex: 'status', render: (s: string) => t(`followUps.statusValue.${s}`) },
              { title: '', key: 'record', render: (_: unknown, f) => f.status === 'pending' && may.recordFollowUp && (
                <Button onClick={() => { form.resetFields(); setRecording(f) }}>{t('followUps.record')}</Button>
              ) },
            ]} />
        </Card>
      )}
      <Modal open={recording !== null} title={t('followUps.record')} onCancel={() => setRecording(null)} onOk={() => form.submit()}
        okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={saving.isPending} destroyOnHidden>
        <Form<Outcome> form={form} layout="vertical" name="complaint-follow-up" initialValues={{ reached: true, satisfied: true }} onFinish={(v) => saving.mutate(v)}>
          <Form.Item name="reached" valuePropName="checked"><Checkbox>{t('followUps.reached')}</Checkbox></Form.Item>
          <Form.Item name="satisfied" valuePropName="checked"><Checkbox disabled={!reached}>{t('followUps.satisfied')}</Checkbox></Form.Item>
          <Form.Item name="notes" label={t('followUps.notes')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </Flex>
  )
}

import { errorMessage } from '@rapport/admin-kit'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { listSegments } from '../../api/segments'
import { listTemplates, startBulkSend, type BulkSendRequest } from './messages-api'
import { channelLabel, KNOWN_CHANNELS, templateLabel } from './message-labels'

/** Starts a bulk send: a name, a saved segment, a template, a channel and a pace. */
export function NewBulkSendModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<BulkSendRequest>()
  const segments = useQuery({ queryKey: ['segments'], queryFn: ({ signal }) => listSegments(signal), enabled: open })
  const templates = useQuery({ queryKey: ['messages', 'templates'], queryFn: ({ signal }) => listTemplates(signal), enabled: open })
  const start = useMutation({
    mutationFn: startBulkSend,
    onSuccess: () => { void message.success(t('bulk.started')); form.resetFields(); onClose() },
  })
  return (
    <Modal open={open} title={t('bulk.newTitle')} okText={t('bulk.start')} cancelText={t('templates.cancel')} onCancel={() => { start.reset(); onClose() }} confirmLoading={start.isPending}
      onOk={() => void form.validateFields().then((v) => start.mutate(v)).catch(() => undefined)}>
      {start.isError && <Alert type="error" showIcon title={errorMessage(shell, start.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ channel: 'email', perMinute: 100, requireConsent: false, template: 'survey.invitation' }}>
        <Form.Item name="name" label={t('bulk.name')} rules={[{ required: true, max: 120 }]}><Input /></Form.Item>
        <Form.Item name="segmentId" label={t('bulk.segment')} rules={[{ required: true }]}>
          <Select loading={segments.isPending} options={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="template" label={t('bulk.template')} rules={[{ required: true }]}>
          <Select options={(templates.data?.items ?? []).map((tpl) => ({ value: tpl.id, label: templateLabel(t, tpl.id) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('bulk.channel')} rules={[{ required: true }]}>
          <Select options={KNOWN_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))} />
        </Form.Item>
        <Form.Item name="perMinute" label={t('bulk.perMinute')} rules={[{ required: true }]}><InputNumber min={1} max={1000} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="requireConsent" label={t('bulk.requireConsent')} valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  )
}

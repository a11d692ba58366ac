import { errorMessage } from '@rapport/admin-kit'
import { useMutation } from '@tanstack/react-query'
import { Alert, Form, Input, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createWebhook } from './messages-api'

/** Adds an endpoint, then shows its signing secret once. */
export function AddWebhookModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const [form] = Form.useForm<{ url: string; eventTypes: string[] }>()
  const [secret, setSecret] = useState<string | null>(null)
  const create = useMutation({ mutationFn: createWebhook, onSuccess: (created) => setSecret(created.secret) })
  const close = () => { form.resetFields(); setSecret(null); create.reset(); onClose() }
  if (secret) {
    return (
      <Modal open={open} title={t('webhooks.secretTitle')} onOk={close} onCancel={close} okText={t('webhooks.done')} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>{t('webhooks.secretIntro')}</Typography.Paragraph>
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }}>{secret}</Typography.Paragraph>
      </Modal>
    )
  }
  return (
    <Modal open={open} title={t('webhooks.addTitle')} okText={t('webhooks.create')} cancelText={t('templates.cancel')} onCancel={close} confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v)).catch(() => undefined)}>
      {create.isError && <Alert type="error" showIcon title={errorMessage(shell, create.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ eventTypes: ['*'] }}>
        <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, type: 'url' }]}><Input placeholder="https://" /></Form.Item>
        <Form.Item name="eventTypes" label={t('webhooks.events')} extra={t('webhooks.eventsHelp')} rules={[{ required: true }]}><Select mode="tags" open={false} /></Form.Item>
      </Form>
    </Modal>
  )
}

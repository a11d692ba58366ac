import WarningOutlined from '@ant-design/icons/WarningOutlined'
import { usePluginTranslation, type CustomerActionProps } from '@rapport/admin-kit'
import { useMutation } from '@tanstack/react-query'
import { App, Button, Flex, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { priorities, staffChannels } from '../../shared/vocabulary'
import { createCase, type NewCase } from '../api'
import { CategorySelect } from '../components/CategorySelect'
import { paths } from '../components/paths'
import { useComplaintError } from '../components/use-complaint-error'
import { useComplaintPermissions } from '../components/use-complaint-permissions'
import { useComplaintsConfig } from '../components/use-complaints-config'

type Values = Omit<NewCase, 'customerId'>

/** The customer page's "open complaint": the new-case form for this customer, in a modal (for roles that may file). */
export default function OpenComplaintAction({ customerId }: CustomerActionProps) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const config = useComplaintsConfig()
  const [open, setOpen] = useState(false)
  // The filed case, linked beside the button (a message renders outside the router, so it holds no link).
  const [created, setCreated] = useState<string>()
  const [form] = Form.useForm<Values>()
  const creating = useMutation({
    mutationFn: (v: Values) => createCase({ ...v, customerId, description: v.description.trim(), ...(v.orderRef?.trim() ? { orderRef: v.orderRef.trim() } : { orderRef: undefined }) } as NewCase),
    onSuccess: (filed) => {
      setOpen(false)
      setCreated(filed.id)
    },
    onError: (err) => {
      const code = (err as { code?: string }).code
      if (code === 'COMPLAINTS_CATEGORY_UNKNOWN') form.setFields([{ name: 'category', errors: [messageOf(err)] }])
      else void message.error(messageOf(err))
    },
  })
  const may = useComplaintPermissions()
  if (!may.file) return null
  return (
    <>
      <Button icon={<WarningOutlined />} onClick={() => { form.resetFields(); setOpen(true) }}>{t('customerAction.open')}</Button>
      {created && (
        <span role="status" style={{ marginInlineStart: 8, alignSelf: 'center' }}>
          {t('newCase.created')} <Link to={paths.detail(created)}>{t('customerAction.openCase')}</Link>
        </span>
      )}
      <Modal
        open={open}
        title={t('newCase.title')}
        okText={t('newCase.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: creating.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        width={640}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" name="customer-complaint" initialValues={{ channel: 'phone', priority: 'normal' }} onFinish={(v) => creating.mutate(v)}>
          <Flex gap={16} wrap>
            <Form.Item name="channel" label={t('newCase.channel')} style={{ minWidth: 160 }}>
              <Select aria-label={t('newCase.channel')} options={staffChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
            </Form.Item>
            <Form.Item name="priority" label={t('newCase.priority')} style={{ minWidth: 160 }}>
              <Select aria-label={t('newCase.priority')} options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
            </Form.Item>
            <Form.Item name="category" label={t('newCase.category')} rules={[{ required: true, message: t('newCase.categoryRequired') }]} style={{ minWidth: 220 }}>
              <CategorySelect categories={config.data?.categories ?? []} ariaLabel={t('newCase.category')} />
            </Form.Item>
          </Flex>
          <Form.Item name="description" label={t('newCase.description')} rules={[{ required: true, whitespace: true, message: t('newCase.descriptionRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="orderRef" label={t('newCase.orderRef')}>
            <Input maxLength={100} style={{ maxWidth: 300 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}

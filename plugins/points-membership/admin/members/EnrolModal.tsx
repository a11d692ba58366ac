import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal } from 'antd'
import { useEffect, useState } from 'react'
import { enrolMember } from '../api'
import { errorText, issuesOf } from '../error-text'
import { CustomerPicker } from './CustomerPicker'

type Values = { customerId: string; birthday?: string }

/** Enrols a customer chosen by name; an existing member is simply opened. */
export function EnrolModal({ open, onClose, onEnrolled }: { open: boolean; onClose: () => void; onEnrolled: (customerId: string) => void }) {
  const { t, language } = usePluginTranslation('points-membership')
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [refusal, setRefusal] = useState<string | null>(null)
  useEffect(() => { if (open) { form.resetFields(); setRefusal(null) } }, [open, form])

  const enrol = useMutation({
    mutationFn: (v: Values) => enrolMember({ customerId: v.customerId, ...(v.birthday?.trim() ? { birthday: v.birthday.trim() } : {}) }),
    onSuccess: (member) => {
      void message.success(t('enrol.enrolled', { memberNo: member.memberNo }))
      void client.invalidateQueries({ queryKey: ['points-membership'] })
      onEnrolled(member.customerId)
    },
    onError: (err) => {
      const issues = issuesOf(err)
      form.setFields((['customerId', 'birthday'] as const).map((field) => ({ name: field, errors: issues.filter((i) => i.path === field).map((i) => i.message) })))
      setRefusal(errorText(t, err, language))
    },
  })

  return (
    <Modal
      open={open}
      title={t('enrol.title')}
      okText={t('enrol.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: enrol.isPending }}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} name="points-enrol" layout="vertical" onFinish={(v) => { setRefusal(null); enrol.mutate(v) }}>
        <Form.Item name="customerId" label={t('enrol.customer')} rules={[{ required: true, message: t('enrol.customerRequired') }]}>
          <CustomerPicker placeholder={t('enrol.customerPlaceholder')} />
        </Form.Item>
        <Form.Item name="birthday" label={t('enrol.birthday')} extra={t('enrol.birthdayHelp')}>
          <Input maxLength={10} placeholder="MM-DD" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

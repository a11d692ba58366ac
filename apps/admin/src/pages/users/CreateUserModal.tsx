import { useMutation } from '@tanstack/react-query'
import { Alert, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createUser, passwordRule, roles, type AdminUser, type NewUser } from '../../api/users'
import { serverFieldErrors } from './server-field-errors'

const FIELDS = ['name', 'email', 'role', 'password'] as const

/** The "add a user" dialog: name, email, role and an initial password; the server's refusals land on their fields. */
export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: AdminUser) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<NewUser>()
  const [alert, setAlert] = useState<string | null>(null)
  const create = useMutation({
    mutationFn: createUser,
    onMutate: () => setAlert(null),
    onSuccess: (user) => {
      form.resetFields()
      onCreated(user)
    },
    onError: (err) => {
      const { fieldErrors, message } = serverFieldErrors(t, err, FIELDS)
      form.setFields(fieldErrors)
      setAlert(message)
    },
  })
  return (
    <Modal
      open={open}
      title={t('users.create.title')}
      okText={t('users.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" aria-label={t('users.create.title')} initialValues={{ role: 'agent' }} onFinish={(values) => create.mutate(values)}>
        <Form.Item name="name" label={t('users.fields.name')} rules={[{ required: true, whitespace: true, message: t('users.create.nameRequired') }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.fields.email')} rules={[{ required: true, message: t('users.create.emailRequired') }, { type: 'email', message: t('login.emailInvalid') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('users.fields.role')} rules={[{ required: true }]}>
          <Select options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.fields.password')}
          extra={t('users.passwordRule', passwordRule)}
          rules={[{ required: true, message: t('users.passwordRequired') }, { min: passwordRule.min, max: passwordRule.max, message: t('users.passwordRule', passwordRule) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

import { useMutation } from '@tanstack/react-query'
import { Alert, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { passwordRule, updateUser, type AdminUser } from '../../api/users'
import { serverFieldErrors } from './server-field-errors'

/** Sets a new password for `user`; the server signs them out everywhere. */
export function ResetPasswordModal({ user, onClose, onDone }: { user: AdminUser | null; onClose: () => void; onDone: (user: AdminUser) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ password: string }>()
  const [alert, setAlert] = useState<string | null>(null)
  const reset = useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => updateUser(id, { password }),
    onMutate: () => setAlert(null),
    onSuccess: (updated) => {
      form.resetFields()
      onDone(updated)
    },
    onError: (err) => {
      const { fieldErrors, message } = serverFieldErrors(t, err, ['password'])
      form.setFields(fieldErrors)
      setAlert(message)
    },
  })
  return (
    <Modal
      open={user !== null}
      title={t('users.reset.title', { name: user?.name ?? '' })}
      okText={t('users.reset.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon title={alert} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" aria-label={t('users.reset.title', { name: user?.name ?? '' })} onFinish={({ password }) => user && reset.mutate({ id: user.id, password })}>
        <Form.Item
          name="password"
          label={t('users.reset.password')}
          extra={`${t('users.passwordRule', passwordRule)} ${t('users.reset.signsOut')}`}
          rules={[{ required: true, message: t('users.passwordRequired') }, { min: passwordRule.min, max: passwordRule.max, message: t('users.passwordRule', passwordRule) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

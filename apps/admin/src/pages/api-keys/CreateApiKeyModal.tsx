import { errorMessage } from '@rapport/admin-kit'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Checkbox, Form, Input, Modal, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createApiKey, type ApiKey } from '../../api/api-keys'
import { serverFieldErrors } from '../users/server-field-errors'
import { apiScopesQuery } from './api-key-queries'

type Values = { name: string; scopes: string[] }

/** The "create a key" dialog: a name and the scopes, picked from the server's list. */
export function CreateApiKeyModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (created: { apiKey: ApiKey; key: string }) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [alert, setAlert] = useState<string | null>(null)
  const scopesLabelId = useId()
  const scopes = useQuery({ ...apiScopesQuery, enabled: open })
  const create = useMutation({
    mutationFn: createApiKey,
    onMutate: () => setAlert(null),
    onSuccess: (created) => {
      form.resetFields()
      onCreated(created)
    },
    onError: (err) => {
      const { fieldErrors, message } = serverFieldErrors(t, err, ['name', 'scopes'])
      form.setFields(fieldErrors)
      setAlert(message)
    },
  })
  return (
    <Modal
      open={open}
      title={t('apiKeys.create.title')}
      okText={t('apiKeys.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {alert && <Alert type="error" showIcon role="alert" title={alert} style={{ marginBottom: 16 }} />}
      {scopes.isError && <Alert type="error" showIcon title={errorMessage(t, scopes.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" aria-label={t('apiKeys.create.title')} initialValues={{ scopes: [] }} onFinish={(values) => create.mutate(values)}>
        <Form.Item name="name" label={t('apiKeys.fields.name')} extra={t('apiKeys.create.nameHelp')} rules={[{ required: true, whitespace: true, message: t('apiKeys.create.nameRequired') }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {/* A validator, not `required`: antd would put aria-required on the group, which a group may not carry. */}
        <Form.Item
          name="scopes"
          label={<span id={scopesLabelId}>{t('apiKeys.fields.scopes')}</span>}
          rules={[{ validator: (_, value?: string[]) => (value?.length ? Promise.resolve() : Promise.reject(new Error(t('apiKeys.create.scopesRequired')))) }]}
        >
          <Checkbox.Group role="group" aria-labelledby={scopesLabelId} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {(scopes.data ?? []).map((scope) => (
              <Checkbox key={scope} value={scope}>
                <Typography.Text code>{scope}</Typography.Text> {t(`apiKeys.scopes.${scope.replace(':', '.')}` as 'apiKeys.scopes.customers.read', { defaultValue: '' })}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Modal>
  )
}

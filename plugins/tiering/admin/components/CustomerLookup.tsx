import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Form, Input } from 'antd'
import { useNavigate } from 'react-router'
import { explainPath } from './explain-path'

/** A customer id box that opens that customer's explain page. */
export function CustomerLookup() {
  const { t } = usePluginTranslation('tiering')
  const navigate = useNavigate()
  return (
    <Form name="tiering-lookup" layout="inline" onFinish={({ customerId }: { customerId?: string }) => { if (customerId?.trim()) void navigate(explainPath(customerId.trim())) }}>
      <Form.Item label={t('lookup.label')} name="customerId">
        <Input placeholder={t('lookup.placeholder')} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">{t('lookup.submit')}</Button>
      </Form.Item>
    </Form>
  )
}

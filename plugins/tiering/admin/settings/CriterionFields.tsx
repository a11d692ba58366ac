import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Form, Input, Select, Space } from 'antd'
import { OPS } from './config-form'

type Props = { name: (string | number)[]; label: string; onRemove: () => void }

/** One ladder criterion's inputs: field, comparison, value and what a missing value means; `name` is its path within the enclosing list. */
export function CriterionFields({ name, label, onRemove }: Props) {
  const { t } = usePluginTranslation('tiering')
  return (
    <Space wrap align="start" role="group" aria-label={label}>
      <Form.Item name={[...name, 'field']} label={t('settings.field')} rules={[{ required: true, message: t('settings.field') }]}>
        <Input placeholder="tiering.orders" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name={[...name, 'op']} label={t('settings.op')}>
        <Select style={{ width: 130 }} options={OPS.map((op) => ({ value: op, label: t(`settings.ops.${op}`) }))} />
      </Form.Item>
      <Form.Item name={[...name, 'valueText']} label={t('settings.value')} tooltip={t('settings.valueHelp')}>
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={[...name, 'missing']} label={t('settings.missing')}>
        <Select style={{ width: 120 }} options={[{ value: 'fails', label: t('settings.missingFails') }, { value: 'holds', label: t('settings.missingHolds') }]} />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button onClick={onRemove} aria-label={`${t('settings.remove')}: ${label}`}>{t('settings.remove')}</Button>
      </Form.Item>
    </Space>
  )
}

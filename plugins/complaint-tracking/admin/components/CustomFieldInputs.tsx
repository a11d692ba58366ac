import { usePluginTranslation } from '@rapport/admin-kit'
import { Form, Input, InputNumber, Select } from 'antd'
import type { ComplaintsConfig } from '../api'

type CustomField = ComplaintsConfig['customFields'][number]

/**
 * The inputs of a category's custom fields, labelled in the page's language. `under` nests their
 * values (`['fields']` on the new-case form); `requiredWhen` marks the fields that setting makes
 * required there (`toFile` when filing, `toResolve` on the case page).
 */
export function CustomFieldInputs({ fields, under = [], requiredWhen }: { fields: CustomField[]; under?: string[]; requiredWhen: readonly CustomField['required'][] }) {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const lang = language === 'zh-CN' ? 'zh-CN' : 'en'
  return fields.map((f) => {
    const id = `complaint-field-${f.key}`
    const required = requiredWhen.includes(f.required)
    return (
      <Form.Item key={f.key} name={[...under, f.key]} label={f.label[lang]} htmlFor={id} rules={required ? [{ required: true, message: t('fields.required', { field: f.label[lang] }) }] : []}>
        {f.type === 'number' ? <InputNumber id={id} style={{ width: '100%' }} />
          : f.type === 'select' ? <Select id={id} allowClear options={f.options.map((o) => ({ value: o.value, label: o.label[lang] }))} />
          : <Input id={id} type={f.type === 'date' ? 'date' : 'text'} maxLength={500} />}
      </Form.Item>
    )
  })
}

import { Form, Input, InputNumber, Select, Switch, Typography } from 'antd'
import type { Rule } from 'antd/es/form'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfigField, NumberBounds } from './config-form-fields'

/** Bounds as language-neutral text: `> 0`, `≤ 100`; the safe-integer limit zod adds is left out. */
const boundsText = ({ min, max, exclusiveMin, exclusiveMax }: NumberBounds): string =>
  [
    min !== undefined && `≥ ${min}`,
    exclusiveMin !== undefined && `> ${exclusiveMin}`,
    max !== undefined && max < Number.MAX_SAFE_INTEGER && `≤ ${max}`,
    exclusiveMax !== undefined && `< ${exclusiveMax}`,
  ]
    .filter(Boolean)
    .join(', ')

const defaultText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

/** The line under a field: its description, its default and its bounds. */
const hintOf = (field: ConfigField, t: TFunction): ReactNode => {
  const parts = [
    field.description,
    field.defaultValue !== undefined && field.kind !== 'object' && t('plugin.settings.default', { value: defaultText(field.defaultValue) }),
    field.kind === 'number' && boundsText(field),
  ].filter((part): part is string => typeof part === 'string' && part !== '')
  return parts.length > 0 ? parts.join(' · ') : undefined
}

const jsonRule = (t: TFunction): Rule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === '') return
    try {
      JSON.parse(String(value))
    } catch {
      throw new Error(t('plugin.settings.invalidJson'))
    }
  },
})

const controlOf = (field: ConfigField): ReactNode => {
  switch (field.kind) {
    case 'number':
      return (
        <InputNumber
          min={field.min}
          max={field.max}
          precision={field.integer ? 0 : undefined}
          placeholder={field.defaultValue === undefined ? undefined : String(field.defaultValue)}
          style={{ width: 240 }}
        />
      )
    case 'boolean':
      return <Switch />
    case 'enum':
      return <Select options={field.options.map((value) => ({ value, label: String(value) }))} style={{ maxWidth: 320 }} />
    case 'tags':
      return <Select mode="tags" options={field.options?.map((value) => ({ value, label: String(value) }))} style={{ maxWidth: 480 }} />
    case 'json':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} spellCheck={false} style={{ fontFamily: 'monospace', maxWidth: 640 }} />
    default:
      return <Input maxLength={field.kind === 'string' ? field.maxLength : undefined} style={{ maxWidth: 480 }} />
  }
}

/** One config field: a control chosen by its kind; an object becomes a fieldset of its fields. */
export function ConfigFieldItem({ field }: { field: ConfigField }) {
  const { t } = useTranslation()
  if (field.kind === 'object') {
    return (
      <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px 0', marginBottom: 24 }}>
        <legend style={{ width: 'auto', padding: '0 8px', marginBottom: 8, fontSize: 14, border: 0 }}>
          <Typography.Text strong>{field.label}</Typography.Text>
          {field.description && <Typography.Text type="secondary"> · {field.description}</Typography.Text>}
        </legend>
        {field.fields.map((child) => (
          <ConfigFieldItem key={child.key} field={child} />
        ))}
      </fieldset>
    )
  }
  return (
    <Form.Item
      name={field.name}
      label={<Typography.Text code>{field.label}</Typography.Text>}
      extra={hintOf(field, t)}
      valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
      required={field.required}
      rules={field.kind === 'json' ? [jsonRule(t)] : undefined}
    >
      {controlOf(field)}
    </Form.Item>
  )
}

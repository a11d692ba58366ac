import { Form, Input, InputNumber, Select, Switch, Typography } from 'antd'
import type { Rule } from 'antd/es/form'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfigField, Labels, NumberBounds } from './config-form-fields'

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

/** A value as the plugin names it, else as it is. */
const valueText = (field: ConfigField, value: unknown, language: Language): string => field.valueLabels?.[String(value)]?.[language] ?? String(value)

/** Which of a plugin's two texts the reader sees. */
type Language = keyof Labels
const languageOf = (resolved: string | undefined): Language => (resolved === 'zh-CN' ? 'zh-CN' : 'en')

/** The line under a field: its help (else its description), its default and its bounds. */
const hintOf = (field: ConfigField, t: TFunction, language: Language): ReactNode => {
  const parts = [
    field.help?.[language] ?? field.description,
    field.defaultValue !== undefined &&
      field.kind !== 'object' &&
      t('plugin.settings.default', {
        value: field.kind === 'enum' ? valueText(field, field.defaultValue, language)
          : field.kind === 'boolean' ? t(field.defaultValue ? 'common.yes' : 'common.no')
          : defaultText(field.defaultValue),
      }),
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

const controlOf = (field: ConfigField, language: Language): ReactNode => {
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
      return <Select options={field.options.map((value) => ({ value, label: valueText(field, value, language) }))} style={{ maxWidth: 320 }} />
    case 'tags':
      return <Select mode="tags" options={field.options?.map((value) => ({ value, label: valueText(field, value, language) }))} style={{ maxWidth: 480 }} />
    case 'json':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} spellCheck={false} style={{ fontFamily: 'monospace', maxWidth: 640 }} />
    default:
      return <Input maxLength={field.kind === 'string' ? field.maxLength : undefined} style={{ maxWidth: 480 }} />
  }
}

/**
 * One config field: a control chosen by its kind; an object becomes a fieldset of its fields. It
 * shows the plugin's label in the reader's language; a plugin that declared none shows the key, as code.
 */
export function ConfigFieldItem({ field }: { field: ConfigField }) {
  const { t, i18n } = useTranslation()
  const language = languageOf(i18n.resolvedLanguage)
  const label = field.labels ? field.labels[language] : <Typography.Text code>{field.label}</Typography.Text>
  if (field.kind === 'object') {
    const help = field.help?.[language] ?? field.description
    return (
      <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px 0', marginBottom: 24 }}>
        <legend style={{ width: 'auto', padding: '0 8px', marginBottom: 8, fontSize: 14, border: 0 }}>
          <Typography.Text strong>{label}</Typography.Text>
          {help && <Typography.Text type="secondary"> · {help}</Typography.Text>}
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
      label={label}
      extra={hintOf(field, t, language)}
      valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
      required={field.required}
      rules={field.kind === 'json' ? [jsonRule(t)] : undefined}
    >
      {controlOf(field, language)}
    </Form.Item>
  )
}

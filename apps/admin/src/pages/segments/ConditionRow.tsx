import CloseOutlined from '@ant-design/icons/CloseOutlined'
import { Button, Flex, Input, InputNumber, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SegmentOp } from '../../api/segments'
import type { PluginProfileField } from '../../api/types'
import { initialValue, operatorsFor, type DraftCondition } from './segment-draft'

type FieldGroup = { plugin: string; fields: readonly PluginProfileField[] }

type Props = {
  condition: DraftCondition
  fieldsByPlugin: readonly FieldGroup[]
  onChange(next: DraftCondition): void
  onRemove(): void
}

/** One condition: field, operator and the value editor the field's kind and operator need. */
export function ConditionRow({ condition, fieldsByPlugin, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage === 'zh-CN' ? 'zh-CN' : 'en'
  const fields = new Map(fieldsByPlugin.flatMap((g) => g.fields.map((f) => [f.field, f] as const)))
  const field = fields.get(condition.field)
  const kind = field?.kind ?? 'string'
  return (
    <Flex gap={8} wrap align="center" data-condition={condition.field}>
      <Select
        aria-label={t('segments.field')}
        style={{ minWidth: 240 }}
        value={condition.field}
        showSearch={{ optionFilterProp: 'label' }}
        options={fieldsByPlugin.map((g) => ({ label: g.plugin, options: g.fields.map((f) => ({ value: f.field, label: `${f.label[language]} (${f.field})` })) }))}
        onChange={(name: string) => {
          const next = fields.get(name)
          if (!next) return
          const op = operatorsFor(next.kind)[0]!
          onChange({ ...condition, field: name, op, value: initialValue(next, op) })
        }}
      />
      <Select<SegmentOp>
        aria-label={t('segments.operator')}
        style={{ width: 150 }}
        value={condition.op}
        options={operatorsFor(kind).map((op) => ({ value: op, label: t(`segments.ops.${op}`) }))}
        onChange={(op) => onChange({ ...condition, op, value: initialValue(field, op) })}
      />
      <ValueEditor field={field} condition={condition} onChange={(value) => onChange({ ...condition, value })} />
      <Button type="text" aria-label={t('segments.removeCondition')} icon={<CloseOutlined />} onClick={onRemove} />
    </Flex>
  )
}

function ValueEditor({ field, condition, onChange }: { field: PluginProfileField | undefined; condition: DraftCondition; onChange(value: DraftCondition['value']): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage === 'zh-CN' ? 'zh-CN' : 'en'
  // An enum value reads as its label with the stored value beside it (`Diamond (diamond)`).
  const valueOption = (v: string) => {
    const labelled = field?.valueLabels?.[v]
    return { value: v, label: labelled ? `${labelled[language]} (${v})` : v }
  }
  const label = t('segments.value')
  const { op, value } = condition
  const numeric = field?.kind === 'number' || field?.kind === 'integer'
  if (op === 'exists') {
    return <Select aria-label={label} style={{ width: 140 }} value={value !== false} onChange={onChange}
      options={[{ value: true, label: t('segments.isSet') }, { value: false, label: t('segments.isNotSet') }]} />
  }
  if (field?.kind === 'boolean') {
    return <Select aria-label={label} style={{ width: 120 }} value={value === true} onChange={onChange}
      options={[{ value: true, label: t('dashboard.yes') }, { value: false, label: t('dashboard.no') }]} />
  }
  if (op === 'in') {
    const list = Array.isArray(value) ? value.map(String) : []
    return (
      <Select
        aria-label={label}
        mode={field?.kind === 'enum' ? 'multiple' : 'tags'}
        style={{ minWidth: 240 }}
        value={list}
        placeholder={t('segments.pickValues')}
        options={(field?.values ?? []).map(valueOption)}
        onChange={(next: string[]) => onChange(numeric ? next.map(Number).filter((n) => !Number.isNaN(n)) : next)}
      />
    )
  }
  if (field?.kind === 'enum' && field.values) {
    return <Select aria-label={label} style={{ minWidth: 160 }} value={value as string | undefined} onChange={onChange} options={field.values.map(valueOption)} />
  }
  if (numeric) {
    return <InputNumber aria-label={label} style={{ width: 140 }} value={typeof value === 'number' ? value : null} onChange={(n) => onChange(n === null ? undefined : n)} />
  }
  return (
    <Input aria-label={label} style={{ width: 200 }} value={typeof value === 'string' ? value : ''} placeholder={field?.kind === 'date' ? 'YYYY-MM-DD' : undefined}
      onChange={(e) => onChange(e.target.value)} />
  )
}

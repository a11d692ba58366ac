import CloseOutlined from '@ant-design/icons/CloseOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Button, Flex, Input, InputNumber, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PluginProfileField } from '../../api/types'
import { conditionOn, operatorsFor, type SegmentCondition } from './segment-conditions'

type Props = {
  /** The profile fields of the enabled plugins, by plugin. */
  fieldsByPlugin: ReadonlyArray<{ plugin: string; fields: readonly PluginProfileField[] }>
  conditions: readonly SegmentCondition[]
  onChange(conditions: SegmentCondition[]): void
}

/** Conditions on profile fields, all of which a customer must meet to be in the segment. */
export function SegmentFilter({ fieldsByPlugin, conditions, onChange }: Props) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage === 'zh-CN' ? 'zh-CN' : 'en'
  const fields = new Map(fieldsByPlugin.flatMap((group) => group.fields.map((f) => [f.field, f] as const)))
  const first = fieldsByPlugin[0]?.fields[0]
  const replace = (index: number, next: SegmentCondition) => onChange(conditions.map((c, i) => (i === index ? next : c)))

  return (
    <Flex vertical gap={8} role="group" aria-label={t('dashboard.segment')}>
      {conditions.map((condition, index) => {
        const field = fields.get(condition.field)
        const kind = field?.kind ?? 'string'
        return (
          <Flex key={condition.key} gap={8} wrap align="center">
            <Select
              aria-label={t('dashboard.field')}
              style={{ minWidth: 220 }}
              value={condition.field}
              showSearch={{ optionFilterProp: 'label' }}
              options={fieldsByPlugin.map((group) => ({
                label: group.plugin,
                options: group.fields.map((f) => ({ value: f.field, label: `${f.label[language]} (${f.field})` })),
              }))}
              onChange={(name: string) => {
                const next = fields.get(name)
                if (next) replace(index, conditionOn(next, condition.key))
              }}
            />
            <Select
              aria-label={t('dashboard.operator')}
              style={{ width: 130 }}
              value={condition.op}
              options={operatorsFor(kind).map((op) => ({ value: op, label: t(`dashboard.ops.${op}` as 'dashboard.ops.eq') }))}
              onChange={(op: string) => replace(index, { ...condition, op })}
            />
            {condition.op !== 'exists' && (
              <ConditionValue field={field} value={condition.value} onChange={(value) => replace(index, { ...condition, value })} />
            )}
            <Button
              type="text"
              aria-label={t('dashboard.removeCondition')}
              icon={<CloseOutlined />}
              onClick={() => onChange(conditions.filter((_, i) => i !== index))}
            />
          </Flex>
        )
      })}
      <div>
        <Button icon={<PlusOutlined />} disabled={!first} onClick={() => first && onChange([...conditions, conditionOn(first)])}>
          {t('dashboard.addCondition')}
        </Button>
      </div>
    </Flex>
  )
}

function ConditionValue({ field, value, onChange }: { field: PluginProfileField | undefined; value: string; onChange(value: string): void }) {
  const { t } = useTranslation()
  const label = t('dashboard.value')
  if (field?.kind === 'boolean') {
    return (
      <Select aria-label={label} style={{ width: 120 }} value={value} onChange={onChange}
        options={[{ value: 'true', label: t('dashboard.yes') }, { value: 'false', label: t('dashboard.no') }]} />
    )
  }
  if (field?.kind === 'enum' && field.values) {
    return <Select aria-label={label} style={{ minWidth: 160 }} value={value} onChange={onChange} options={field.values.map((v) => ({ value: v, label: v }))} />
  }
  if (field?.kind === 'number' || field?.kind === 'integer') {
    return <InputNumber aria-label={label} value={value === '' ? null : Number(value)} onChange={(n) => onChange(n === null ? '' : String(n))} />
  }
  return <Input aria-label={label} style={{ width: 200 }} value={value} placeholder={field?.kind === 'date' ? 'YYYY-MM-DD' : undefined} onChange={(e) => onChange(e.target.value)} />
}

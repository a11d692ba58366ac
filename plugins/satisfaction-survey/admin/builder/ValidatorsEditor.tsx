import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd'

/** A SurveyJS validator as written in the JSON. */
type Validator = Record<string, unknown> & { type: string }

const kinds = ['text', 'numeric', 'regex', 'email'] as const

const numberField = (v: Validator, key: string) => (typeof v[key] === 'number' ? (v[key] as number) : null)

/** Validators of a text or comment question: length, numeric range, pattern, e-mail. */
export function ValidatorsEditor({ validators: raw, onChange }: { validators: unknown; onChange: (validators: Validator[] | undefined) => void }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const validators = (Array.isArray(raw) ? raw : []) as Validator[]
  const emit = (next: Validator[]) => onChange(next.length > 0 ? next : undefined)
  const set = (index: number, patch: Record<string, unknown>) =>
    emit(validators.map((v, i) => (i === index ? Object.fromEntries(Object.entries({ ...v, ...patch }).filter(([, x]) => x !== null && x !== '')) as Validator : v)))
  const limit = (v: Validator, i: number, key: string, label: string) => (
    <InputNumber aria-label={label} placeholder={label} value={numberField(v, key)} onChange={(n) => set(i, { [key]: n })} style={{ width: 140 }} />
  )
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Typography.Text strong>{t('builder.validators')}</Typography.Text>
      </legend>
      <Flex vertical gap={6}>
        {validators.map((v, i) => (
          <Flex key={i} gap={6} wrap align="center">
            <Typography.Text>{t(`validator.${v.type}`, { defaultValue: v.type })}</Typography.Text>
            {v.type === 'text' && (
              <>
                {limit(v, i, 'minLength', t('validator.minLength'))}
                {limit(v, i, 'maxLength', t('validator.maxLength'))}
              </>
            )}
            {v.type === 'numeric' && (
              <>
                {limit(v, i, 'minValue', t('validator.minValue'))}
                {limit(v, i, 'maxValue', t('validator.maxValue'))}
              </>
            )}
            {v.type === 'regex' && (
              <Input
                style={{ flex: 1, minWidth: 160 }}
                aria-label={t('validator.pattern')}
                placeholder={t('validator.pattern')}
                value={typeof v.regex === 'string' ? v.regex : ''}
                onChange={(e) => set(i, { regex: e.target.value })}
              />
            )}
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('validator.remove', { kind: t(`validator.${v.type}`, { defaultValue: v.type }) })} onClick={() => emit(validators.filter((_, j) => j !== i))} />
          </Flex>
        ))}
        <Select<string>
          aria-label={t('validator.add')}
          placeholder={t('validator.add')}
          value={null as unknown as string}
          style={{ width: 220 }}
          options={kinds.map((kind) => ({ value: kind, label: t(`validator.${kind}`) }))}
          onChange={(kind) => emit([...validators, { type: kind }])}
        />
      </Flex>
    </fieldset>
  )
}

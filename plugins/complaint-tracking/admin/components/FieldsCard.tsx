import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Form, Input, InputNumber, Select } from 'antd'
import { fieldsFor } from '../../shared/fields-for'
import { type CaseDetail, editCase } from '../api'
import { useCaseAction } from './use-case-action'
import { useComplaintPermissions } from './use-complaint-permissions'
import { useComplaintsConfig } from './use-complaints-config'

type Values = Record<string, string | number | null | undefined>

/** The custom fields of the case's category (from the settings), labelled in the page's language, editable by those who may edit cases. */
export function FieldsCard({ kase }: { kase: CaseDetail }) {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const config = useComplaintsConfig()
  const may = useComplaintPermissions()
  const [form] = Form.useForm<Values>()
  const fields = fieldsFor(config.data?.customFields ?? [], kase.category)
  const lang = language === 'zh-CN' ? 'zh-CN' : 'en'
  const save = useCaseAction(kase.id, (v: Values) =>
    editCase(kase.id, { fields: Object.fromEntries(fields.map((f) => [f.key, v[f.key] === undefined || v[f.key] === '' ? null : v[f.key]!])) }))
  if (fields.length === 0) return null
  return (
    <Card title={t('fields.title')}>
      <Form<Values> form={form} layout="vertical" name="complaint-fields" initialValues={kase.fields} disabled={!may.edit} onFinish={(v: Values) => save.mutate(v)}>
        {fields.map((f) => (
          <Form.Item key={f.key} name={f.key} label={f.label[lang]} htmlFor={`complaint-field-${f.key}`}>
            {f.type === 'number' ? <InputNumber id={`complaint-field-${f.key}`} style={{ width: '100%' }} />
              : f.type === 'select' ? <Select id={`complaint-field-${f.key}`} allowClear options={f.options.map((o) => ({ value: o.value, label: o.label[lang] }))} />
              : <Input id={`complaint-field-${f.key}`} type={f.type === 'date' ? 'date' : 'text'} maxLength={500} />}
          </Form.Item>
        ))}
        {may.edit && <Button htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>}
      </Form>
    </Card>
  )
}

import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Form } from 'antd'
import { fieldsFor } from '../../shared/fields-for'
import { type CaseDetail, editCase } from '../api'
import { CustomFieldInputs } from './CustomFieldInputs'
import { useCaseAction } from './use-case-action'
import { useComplaintPermissions } from './use-complaint-permissions'
import { useComplaintsConfig } from './use-complaints-config'

type Values = Record<string, string | number | null | undefined>

/** The custom fields of the case's category (from the settings), labelled in the page's language, editable by those who may edit cases. */
export function FieldsCard({ kase }: { kase: CaseDetail }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const config = useComplaintsConfig()
  const may = useComplaintPermissions()
  const [form] = Form.useForm<Values>()
  const fields = fieldsFor(config.data?.customFields ?? [], kase.category)
  const save = useCaseAction(kase.id, (v: Values) =>
    editCase(kase.id, { fields: Object.fromEntries(fields.map((f) => [f.key, v[f.key] === undefined || v[f.key] === '' ? null : v[f.key]!])) }))
  if (fields.length === 0) return null
  return (
    <Card title={t('fields.title')}>
      <Form<Values> form={form} layout="vertical" name="complaint-fields" initialValues={kase.fields} disabled={!may.edit} onFinish={(v: Values) => save.mutate(v)}>
        <CustomFieldInputs fields={fields} requiredWhen={[]} />
        {may.edit && <Button htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>}
      </Form>
    </Card>
  )
}

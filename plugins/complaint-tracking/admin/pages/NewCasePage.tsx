import { useDebouncedValue, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery } from '@tanstack/react-query'
import { App, Button, Card, Flex, Form, Input, Select, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { priorities, staffChannels } from '../../shared/vocabulary'
import { createCase, type NewCase, searchCustomers } from '../api'
import { CategorySelect } from '../components/CategorySelect'
import { CustomFieldInputs } from '../components/CustomFieldInputs'
import { fieldsFor } from '../../shared/fields-for'
import { paths } from '../components/paths'
import { useComplaintError } from '../components/use-complaint-error'
import { useComplaintsConfig } from '../components/use-complaints-config'

type Values = { customerId: string; channel: string; category: string; priority: string; description: string; orderRef?: string; fields?: Record<string, string | number | null | undefined> }

/** An agent files a complaint for a customer found by search. */
export default function NewCasePage() {
  const { t } = usePluginTranslation('complaint-tracking')
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const navigate = useNavigate()
  const config = useComplaintsConfig()
  const [form] = Form.useForm<Values>()
  const category = Form.useWatch('category', form)
  const customFields = category ? fieldsFor(config.data?.customFields ?? [], category) : []
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim(), 250)
  const customers = useQuery({ queryKey: ['complaint-tracking', 'customer-search', q], queryFn: ({ signal }) => searchCustomers(q, signal), enabled: q.length > 0 })
  const creating = useMutation({
    mutationFn: ({ fields: given, ...v }: Values) => createCase({ ...v, description: v.description.trim(), ...(v.orderRef?.trim() ? { orderRef: v.orderRef.trim() } : { orderRef: undefined }), ...filled(given) } as NewCase),
    onSuccess: (created) => { void message.success(t('newCase.created')); void navigate(paths.detail(created.id)) },
    onError: (err) => {
      const code = (err as { code?: string }).code
      if (code === 'COMPLAINTS_CATEGORY_UNKNOWN') form.setFields([{ name: 'category', errors: [messageOf(err)] }])
      else if (code === 'COMPLAINTS_FIELD_REQUIRED' || code === 'COMPLAINTS_FIELD_INVALID') void message.error(messageOf(err))
      else void message.error(messageOf(err))
    },
  })
  const label = (c: { id: string; name: string | null; email: string | null; phone: string | null; externalId: string | null }) =>
    [c.name, c.email ?? c.phone, c.externalId].filter(Boolean).join(' · ') || c.id
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <div>
        <Link to={paths.list}>← {t('detail.back')}</Link>
        <Typography.Title level={2}>{t('newCase.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('newCase.intro')}</Typography.Paragraph>
      </div>
      <Card>
        <Form<Values> form={form} layout="vertical" name="complaint-new" initialValues={{ channel: 'phone', priority: 'normal' }} onFinish={(v) => creating.mutate(v)}>
          <Form.Item name="customerId" label={t('newCase.customer')} rules={[{ required: true, message: t('newCase.customerRequired') }]}>
            <Select showSearch={{ filterOption: false, onSearch: setSearch }} placeholder={t('newCase.customerPlaceholder')} aria-label={t('newCase.customer')}
              loading={customers.isFetching} notFoundContent={null}
              options={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: label(c) }))} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="channel" label={t('newCase.channel')} style={{ minWidth: 180 }}>
              <Select aria-label={t('newCase.channel')} options={staffChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
            </Form.Item>
            <Form.Item name="priority" label={t('newCase.priority')} style={{ minWidth: 180 }}>
              <Select aria-label={t('newCase.priority')} options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
            </Form.Item>
            <Form.Item name="category" label={t('newCase.category')} rules={[{ required: true, message: t('newCase.categoryRequired') }]} style={{ minWidth: 240 }}>
              <CategorySelect categories={config.data?.categories ?? []} ariaLabel={t('newCase.category')} />
            </Form.Item>
          </Flex>
          <CustomFieldInputs fields={customFields} under={['fields']} requiredWhen={['toFile']} />
          <Form.Item name="description" label={t('newCase.description')} rules={[{ required: true, whitespace: true, message: t('newCase.descriptionRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="orderRef" label={t('newCase.orderRef')}>
            <Input maxLength={100} style={{ maxWidth: 300 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={creating.isPending}>{t('newCase.submit')}</Button>
        </Form>
      </Card>
    </Flex>
  )
}

/** The custom field values given, empty ones left out (the server checks each like an edit's). */
function filled(given: Values['fields']) {
  const entries = Object.entries(given ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== '')
  return entries.length > 0 ? { fields: Object.fromEntries(entries) } : {}
}

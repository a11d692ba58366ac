import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Space, Statistic, Table } from 'antd'
import { previewEarning, type Preview } from '../api'
import { CustomerPicker } from '../members/CustomerPicker'
import { errorText } from '../error-text'

type Values = { amount: number; items?: { category?: string; amount?: number }[]; customerId?: string }
type Line = Preview['lines'][number]

/** "What would this order earn and why": an amount, items by category and a customer → each rule's points. */
export function RulePreview({ currency, minorPerUnit }: { currency: string; minorPerUnit: number }) {
  const { t, language } = usePluginTranslation('points-membership')
  const [form] = Form.useForm<Values>()
  const minor = (major: number) => Math.round(major * minorPerUnit)
  const preview = useMutation({
    mutationFn: (v: Values) => previewEarning({
      amountMinor: minor(v.amount), currency,
      ...(v.customerId ? { customerId: v.customerId } : {}),
      ...(v.items?.length ? { items: v.items.map((item, i) => ({ sku: `item-${i + 1}`, quantity: 1, unitPriceMinor: minor(item.amount ?? 0), ...(item.category?.trim() ? { category: item.category.trim() } : {}) })) } : {}),
    }),
  })
  return (
    <Card title={t('preview.title')}>
      <Form<Values> form={form} name="points-preview" layout="vertical" onFinish={(v) => preview.mutate(v)} aria-label={t('preview.title')}>
        <p style={{ marginTop: 0 }}>{t('preview.intro')}</p>
        <Form.Item name="amount" label={t('preview.amount', { currency })} rules={[{ required: true, type: 'number', min: 0, message: t('preview.amountRequired') }]}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('preview.items')} style={{ marginBottom: 8 }}>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Flex vertical gap={0}>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'category']} rules={[{ required: true, whitespace: true }]}>
                      <Input aria-label={`${t('preview.itemCategory')} ${i + 1}`} placeholder={t('preview.itemCategory')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'amount']} rules={[{ required: true, type: 'number', min: 0 }]}>
                      <InputNumber aria-label={`${t('preview.itemAmount', { currency })} ${i + 1}`} placeholder={t('preview.itemAmount', { currency })} min={0} precision={2} style={{ width: 140 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('preview.removeItem', { n: i + 1 })} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>{t('preview.addItem')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="customerId" label={t('preview.customer')} extra={t('preview.customerHelp')}>
          <CustomerPicker placeholder={t('enrol.customerPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={preview.isPending}>{t('preview.run')}</Button>
      </Form>
      {preview.isError && <Alert type="error" showIcon role="alert" title={errorText(t, preview.error, language)} style={{ marginTop: 16 }} />}
      {preview.data && (
        <Flex vertical gap={12} style={{ marginTop: 16 }} aria-live="polite" data-testid="preview-result">
          <Statistic title={t('preview.result', { points: preview.data.points.toLocaleString(language) })} value={preview.data.points} />
          <Table<Line>
            rowKey={(l, i) => `${l.rule}-${i}`}
            size="small"
            pagination={false}
            dataSource={preview.data.lines}
            columns={[
              { title: t('preview.rule'), dataIndex: 'rule', render: (r: Line['rule']) => t(`preview.lineRule.${r}`) },
              { title: t('preview.pointsCol'), dataIndex: 'points', align: 'right', render: (p: number) => (p > 0 ? `+${p.toLocaleString(language)}` : p.toLocaleString(language)) },
              { title: t('preview.detail'), dataIndex: 'detail' },
            ]}
          />
        </Flex>
      )}
    </Card>
  )
}

import { Card, Descriptions, Empty, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** An attribute value as text: strings as they are, everything else as JSON. */
const attributeText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value))

/** The customer's free-form attributes as key/value pairs. */
export function CustomerAttributes({ attributes }: { attributes: Record<string, unknown> }) {
  const { t } = useTranslation()
  const entries = Object.entries(attributes ?? {})
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('customer.attributes')}</h2>}>
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.attributesEmpty')} />
      ) : (
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 240 } }}
          items={entries.map(([key, value]) => ({
            key,
            label: <Typography.Text code>{key}</Typography.Text>,
            children: attributeText(value),
          }))}
        />
      )}
    </Card>
  )
}

import { usePluginTranslation } from '@rapport/admin-kit'
import { Col, Form, InputNumber, Row } from 'antd'

const FIELDS = [
  { key: 'minOrders', min: 2, precision: 0 }, { key: 'minGapDays', min: 0.1 },
  { key: 'atRiskFactor', min: 0.1, step: 0.1 }, { key: 'hibernatingFactor', min: 0.1, step: 0.1 },
  { key: 'atRiskAfterDays', min: 1, precision: 0 }, { key: 'hibernatingAfterDays', min: 1, precision: 0 },
] as const

/** The recency status: own-rhythm factors and the absolute fallbacks for customers with few orders. */
export function RecencySettings() {
  const { t } = usePluginTranslation('tiering')
  return (
    <Row gutter={16}>
      {FIELDS.map((f) => (
        <Col xs={24} md={12} xl={8} key={f.key}>
          <Form.Item label={t(`settings.${f.key}`)} name={['recency', f.key]}>
            <InputNumber min={f.min} step={'step' in f ? f.step : 1} precision={'precision' in f ? f.precision : undefined} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  )
}

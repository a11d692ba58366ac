import { usePluginTranslation } from '@rapport/admin-kit'
import { Col, Form, InputNumber, Radio, Row, Select, Typography } from 'antd'
import { UPPER_TIERS } from './config-form'

const TIERS = ['diamond', 'silver', 'bronze', 'iron'] as const

/** The sum of the four percentiles; it carries the server's "must sum to 100" error. */
function PercentilesTotal() {
  const { t } = usePluginTranslation('tiering')
  const percentiles = Form.useWatch(['tiers', 'percentiles']) as Record<string, number | null> | undefined
  const total = Object.values(percentiles ?? {}).reduce<number>((a, v) => a + (v ?? 0), 0)
  return <Typography.Text type={total === 100 ? 'secondary' : 'danger'}>{t('settings.percentilesTotal', { total })}</Typography.Text>
}

/** Tier mode, percentiles, thresholds and the downgrade policy. */
export function TierSettings() {
  const { t } = usePluginTranslation('tiering')
  const mode = Form.useWatch(['tiers', 'mode']) as string | undefined
  const downgrade = Form.useWatch(['tiers', 'downgrade']) as string | undefined
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('settings.mode')} name={['tiers', 'mode']}>
            <Radio.Group aria-label={t('settings.mode')} options={(['percentile', 'thresholds'] as const).map((v) => ({ value: v, label: t(`settings.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('settings.basis')} name={['tiers', 'basis']}>
            <Select disabled={mode !== 'thresholds'} options={(['spend', 'pointsBalance', 'pointsLifetime'] as const).map((v) => ({ value: v, label: t(`settings.${v}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('settings.percentiles')}</Typography.Text>
      <Row gutter={16}>
        {TIERS.map((tier) => (
          <Col xs={12} md={5} key={tier}>
            <Form.Item label={t(`tier.${tier}`)} name={['tiers', 'percentiles', tier]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} md={4}>
          <Form.Item name={['tiers', 'percentilesTotal']} label=" " colon={false}>
            <PercentilesTotal />
          </Form.Item>
        </Col>
      </Row>
      {(['spendStarts', 'pointsStarts'] as const).map((starts) => (
        <div key={starts}>
          <Typography.Text strong>{t(`settings.${starts}`)}</Typography.Text>
          <Row gutter={16}>
            <Col xs={24} md={6}><Form.Item label=" " colon={false}><Typography.Text type="secondary">{t('settings.ironFromZero')}</Typography.Text></Form.Item></Col>
            {UPPER_TIERS.map((tier) => (
              <Col xs={8} md={6} key={tier}>
                <Form.Item label={t('settings.startsAt', { tier: t(`tier.${tier}`) })} name={['tiers', starts, tier]}>
                  <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('settings.downgrade')} name={['tiers', 'downgrade']}>
            <Select options={(['never', 'gracePeriod', 'atReevaluation'] as const).map((v) => ({ value: v, label: t(`settings.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('settings.graceDays')} name={['tiers', 'graceDays']}>
            <InputNumber min={0} precision={0} disabled={downgrade !== 'gracePeriod'} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}

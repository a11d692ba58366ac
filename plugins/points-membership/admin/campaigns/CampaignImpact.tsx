import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Card, Descriptions, Flex, InputNumber, Typography } from 'antd'
import { useId, useState } from 'react'
import { errorText } from '../error-text'
import { type CampaignBody, previewCampaignImpact } from './campaign-api'

type Props = {
  /** The form's campaign, validated; undefined when the form has errors (they are shown on their fields). */
  campaign: () => Promise<CampaignBody | undefined>
  /** The campaign being edited, so its own credits are not counted twice. */
  replacing: string | undefined
  /** Changes whenever the form does, so a preview of older values says so. */
  version: number
}

/** The impact preview in the campaign form: replays the last N days of orders with the campaign before it is saved. */
export function CampaignImpact({ campaign, replacing, version }: Props) {
  const { t, language } = usePluginTranslation('points-membership')
  const { money } = useFormatters()
  const daysId = useId()
  const [days, setDays] = useState(30)
  const [ranAt, setRanAt] = useState<number | null>(null)
  const preview = useMutation({
    mutationFn: async () => {
      const body = await campaign()
      if (!body) return null
      setRanAt(version)
      return previewCampaignImpact({ days, campaign: body, ...(replacing ? { replacing } : {}) })
    },
  })
  const report = preview.data
  const n = (value: number) => value.toLocaleString(language)
  const signed = (value: number) => `${value > 0 ? '+' : ''}${n(value)}`
  return (
    <Card size="small" title={t('campaigns.impact.title')}>
      <Typography.Paragraph type="secondary">{t('campaigns.impact.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <label htmlFor={daysId}>{t('campaigns.impact.days')}</label>
        <InputNumber id={daysId} min={1} max={366} precision={0} value={days} onChange={(v) => setDays(v ?? 30)} style={{ width: 100 }} />
        <Button onClick={() => preview.mutate()} loading={preview.isPending}>{t('campaigns.impact.run')}</Button>
      </Flex>
      {preview.isError && <Alert type="error" showIcon role="alert" title={errorText(t, preview.error, language)} style={{ marginTop: 12 }} />}
      {report && (
        <>
          {ranAt !== version && <Alert type="warning" showIcon title={t('campaigns.impact.stale')} style={{ marginTop: 12 }} />}
          <Descriptions size="small" column={1} style={{ marginTop: 12 }} bordered>
            <Descriptions.Item label={t('campaigns.impact.orders')}>{n(report.ordersReplayed)}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.impact.customers')}>{n(report.customersAffected)}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.impact.points')}>
              {t('campaigns.impact.pointsChange', { before: n(report.pointsIssued.before), after: n(report.pointsIssued.after), change: signed(report.pointsIssued.change) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.impact.liability')}>
              <strong>{money(report.liability.change, report.liability.currency)}</strong>{' '}
              <Typography.Text type="secondary">
                ({t('campaigns.impact.liabilityValue', { before: money(report.liability.before, report.liability.currency), after: money(report.liability.after, report.liability.currency) })})
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('campaigns.impact.note')}</Typography.Paragraph>
        </>
      )}
    </Card>
  )
}

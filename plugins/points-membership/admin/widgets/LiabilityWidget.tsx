import { EChart, useFormatters, usePluginTranslation, type WidgetProps } from '@rapport/admin-kit'
import { Col, Row, Statistic } from 'antd'
import { useMemo } from 'react'
import type { LiabilityWidgetData } from '../../server/dashboard/liability-widget'

/** The points held now and their value, and a bar of what was earned, spent and expired in the range. */
export default function LiabilityWidget({ data }: WidgetProps<LiabilityWidgetData>) {
  const { t } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: [t('widget.earned'), t('widget.spent'), t('widget.expired')] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: [
        { value: data.earned, itemStyle: { color: '#389e0d' } },
        { value: data.spent, itemStyle: { color: '#1677ff' } },
        { value: data.expired, itemStyle: { color: '#8c8c8c' } },
      ] }],
    }),
    [data, t],
  )
  const n = (v: number) => v.toLocaleString(f.language)
  return (
    <Row gutter={[16, 16]} align="middle">
      <Col xs={24} md={10}>
        <Row gutter={[16, 16]}>
          <Col span={12}><Statistic title={t('widget.outstanding')} value={n(data.outstandingPoints)} /></Col>
          <Col span={12}><Statistic title={t('widget.value')} value={f.money(data.valueMinor, data.currency)} /></Col>
          <Col span={12}><Statistic title={t('widget.members')} value={n(data.members)} /></Col>
          <Col span={12}><Statistic title={t('widget.expiring')} value={n(data.expiringPoints)} /></Col>
          {data.debtPoints > 0 && <Col span={12}><Statistic title={t('widget.debt')} value={n(data.debtPoints)} /></Col>}
        </Row>
      </Col>
      <Col xs={24} md={14}>
        <EChart option={option} label={t('widget.chart')} height={200} />
      </Col>
    </Row>
  )
}

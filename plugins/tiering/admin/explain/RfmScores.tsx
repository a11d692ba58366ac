import { formatDate, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Flex, Table, Tag, Typography } from 'antd'
import type { CustomerExplain } from '../customer-api'
import { formatAmount } from '../components/share-format'

const DAY_MS = 86_400_000
/** A recency value is a day number since 1970-01-01 (UTC). */
const dayAsDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** Each RFM score with the customer's value and the cut points it was read against, then the segment rule that matched. */
export function RfmScores({ rfm }: { rfm: CustomerExplain['rfm'] }) {
  const { t, language } = usePluginTranslation('tiering')
  const { dateTime } = useFormatters()
  const cuts = (values: (number | null)[] | null, show: (v: number) => string) => (values ? values.map((v) => (v === null ? '–' : show(v))).join(' / ') : '–')
  const lastOrderDay = rfm.recency.daysSinceLastOrder === null ? null : Math.floor(Date.now() / DAY_MS) - rfm.recency.daysSinceLastOrder
  const rows = [
    { key: 'recency', value: lastOrderDay === null ? '–' : formatDate(dayAsDate(lastOrderDay), language), score: rfm.recency.score, cuts: cuts(rfm.recency.cutPoints, (d) => formatDate(dayAsDate(d), language)) },
    { key: 'frequency', value: String(rfm.frequency.windowOrders), score: rfm.frequency.score, cuts: cuts(rfm.frequency.cutPoints, String) },
    { key: 'monetary', value: formatAmount(rfm.monetary.windowSpendMinor, language), score: rfm.monetary.score, cuts: cuts(rfm.monetary.cutPoints, (v) => formatAmount(v, language)) },
  ]
  const rule = rfm.segment.rule
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph type="secondary">{t('explain.rfmIntro', { days: rfm.windowDays })}</Typography.Paragraph>
      <Table
        size="small" pagination={false} rowKey="key" dataSource={rows}
        columns={[
          { title: t('explain.metric'), key: 'metric', render: (_, r) => t(`explain.${r.key}`) },
          { title: t('explain.value'), dataIndex: 'value', align: 'right' },
          { title: t('explain.score'), key: 'score', align: 'center', render: (_, r) => (r.score === null ? '–' : <Tag color="blue">{r.score}</Tag>) },
          { title: t('explain.cutPoints'), dataIndex: 'cuts' },
        ]}
      />
      <Typography.Text type="secondary">
        {rfm.cutPointsFrom ? t('explain.cutsFrom', { at: dateTime(rfm.cutPointsFrom.computedAt), population: rfm.cutPointsFrom.population }) : t('explain.noCuts')}
        {rfm.cutPointsFrom && !rfm.cutPointsFrom.used ? ` ${t('explain.cutsNotUsed')}` : ''}
      </Typography.Text>
      <Typography.Paragraph strong>
        {rule
          ? t('explain.segmentRule', { segment: t(`segment.${rule.segment}`), r: rule.r.join('–'), f: rule.f.join('–'), m: rule.m.join('–') })
          : t('explain.segmentFallback', { segment: rfm.segment.key ? t(`segment.${rfm.segment.key}`) : '–' })}
      </Typography.Paragraph>
    </Flex>
  )
}

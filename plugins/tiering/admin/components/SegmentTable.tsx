import { usePluginTranslation } from '@rapport/admin-kit'
import { Table } from 'antd'
import type { SegmentSizes } from '../api'
import { formatAmount, ratioPercent } from './share-format'

/** Each RFM segment's customers and spend in the window, with their shares of the whole. */
export function SegmentTable({ sizes }: { sizes: SegmentSizes }) {
  const { t, language } = usePluginTranslation('tiering')
  const amount = (minor: number) => formatAmount(minor, language)
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={sizes.segments}
      columns={[
        { title: t('segmentTable.segment'), key: 'segment', render: (_, s) => t(`segment.${s.key}`) },
        { title: t('segmentTable.customers'), dataIndex: 'count', align: 'right' },
        { title: t('segmentTable.share'), key: 'share', align: 'right', render: (_, s) => ratioPercent(s.share) },
        { title: t('segmentTable.revenue'), key: 'spend', align: 'right', render: (_, s) => amount(s.spendMinor) },
        { title: t('segmentTable.revenueShare'), key: 'revenueShare', align: 'right', render: (_, s) => ratioPercent(s.revenueShare) },
        { title: t('segmentTable.avgSpend'), key: 'avgSpend', align: 'right', render: (_, s) => amount(s.avgSpendMinor) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('segmentTable.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{sizes.total}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{sizes.total > 0 ? ratioPercent(1) : '–'}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{amount(sizes.spendMinor)}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">{sizes.spendMinor > 0 ? ratioPercent(1) : '–'}</Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">{sizes.total > 0 ? amount(Math.round(sizes.spendMinor / sizes.total)) : '–'}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  )
}

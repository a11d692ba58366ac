import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Table } from 'antd'
import type { CustomerTiering } from '../customer-api'
import { formatAmount } from '../components/share-format'

/** The customer's tier changes, newest first. */
export function TierHistory({ history }: { history: CustomerTiering['history'] }) {
  const { t, language } = usePluginTranslation('tiering')
  const { dateTime } = useFormatters()
  return (
    <Table
      size="small" pagination={false} rowKey={(h) => `${h.at}-${h.to}`} dataSource={history}
      locale={{ emptyText: t('explain.noHistory') }}
      columns={[
        { title: t('explain.at'), key: 'at', render: (_, h) => dateTime(h.at) },
        { title: t('explain.change'), key: 'change', render: (_, h) => `${t(`tier.${h.from ?? 'none'}`)} → ${t(`tier.${h.to}`)}` },
        { title: t('explain.reason'), key: 'reason', render: (_, h) => t(`explain.reasons.${h.reason}`) },
        { title: t('explain.trigger'), key: 'trigger', render: (_, h) => t(`explain.triggers.${h.trigger}`) },
        { title: t('explain.spendAt'), key: 'spend', align: 'right', render: (_, h) => formatAmount(h.spendMinor, language) },
      ]}
    />
  )
}

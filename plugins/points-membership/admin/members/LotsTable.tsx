import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Table, Tag } from 'antd'
import type { Lot } from '../api'

const stateColors: Record<Lot['state'], string> = { pending: 'blue', available: 'green', expired: 'default', used: 'default' }

/** A member's lots: what each earned, what is left, when it becomes available and expires. */
export function LotsTable({ lots }: { lots: Lot[] }) {
  const { t } = usePluginTranslation('points-membership')
  const f = useFormatters()
  return (
    <Table<Lot>
      rowKey="id"
      size="small"
      dataSource={lots}
      pagination={lots.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: 640 }}
      columns={[
        { title: t('member.state'), dataIndex: 'state', render: (s: Lot['state']) => <Tag color={stateColors[s]}>{t(`member.lotState.${s}`)}</Tag> },
        { title: t('member.lotPoints'), dataIndex: 'points', align: 'right', render: (n: number) => n.toLocaleString(f.language) },
        { title: t('member.remaining'), dataIndex: 'remaining', align: 'right', render: (n: number) => n.toLocaleString(f.language) },
        { title: t('member.availableAt'), dataIndex: 'availableAt', render: (iso: string) => f.dateTime(iso) },
        { title: t('member.expiresAt'), dataIndex: 'expiresAt', render: (iso: string) => f.dateTime(iso) },
        { title: t('member.order'), dataIndex: 'orderId', render: (id: string | null) => id ?? t('common.none') },
      ]}
    />
  )
}

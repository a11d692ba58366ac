import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { getPointsPlugin, listRewards, listVouchers, type Reward, type VoucherRow } from '../api'
import { Pager } from '../members/Pager'
import { useMemberNames } from '../members/use-member-names'
import { RewardModal } from '../rewards/RewardModal'
import { valueText } from '../rewards/reward-value'
import { VoidVoucherModal } from '../rewards/VoidVoucherModal'
import { usePointsPermissions } from '../use-points-permissions'

const voucherColors: Record<VoucherRow['status'], string> = { issued: 'green', used: 'blue', void: 'default' }

/** The rewards catalogue (add, edit) and the vouchers redemptions issued (void with a reason). */
export default function RewardsPage() {
  const may = usePointsPermissions()
  const { t } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const [editing, setEditing] = useState<{ reward: Reward | undefined } | null>(null)
  const [voiding, setVoiding] = useState<string | null>(null)
  const [status, setStatus] = useState<VoucherRow['status'] | undefined>()
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const cursor = cursors[cursors.length - 1]
  const rewards = useQuery({ queryKey: ['points-membership', 'rewards'], queryFn: ({ signal }) => listRewards(signal) })
  const plugin = useQuery({ queryKey: ['points-membership', 'plugin'], queryFn: ({ signal }) => getPointsPlugin(signal) })
  const birthdayRewardId = (plugin.data?.config?.birthdayBonus as { rewardId?: string } | undefined)?.rewardId
  const yesNo = (on: boolean) => <Tag color={on ? 'green' : 'default'}>{on ? t('common.yes') : t('common.no')}</Tag>
  const vouchers = useQuery({
    queryKey: ['points-membership', 'vouchers', status, cursor],
    queryFn: ({ signal }) => listVouchers({ ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, signal),
    placeholderData: keepPreviousData,
  })
  const n = (v: number) => v.toLocaleString(f.language)
  const voucherRows = vouchers.data?.items ?? []
  const nameOf = useMemberNames(voucherRows.map((v) => v.customerId))

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('rewards.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('rewards.intro')}</Typography.Paragraph>
      </div>
      <Card title={t('rewards.catalogue')} extra={may.editRewards && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ reward: undefined })}>{t('rewards.add')}</Button>}>
        {rewards.isError ? <QueryErrorResult error={rewards.error} onRetry={() => void rewards.refetch()} /> : (
          <Table<Reward>
            rowKey="id"
            loading={rewards.isPending}
            dataSource={rewards.data ?? []}
            pagination={false}
            scroll={{ x: 1200 }}
            locale={{ emptyText: t('rewards.empty') }}
            columns={[
              { title: t('rewards.name'), dataIndex: 'name', render: (name: string, r) => <span>{name} <Typography.Text type="secondary">({r.id})</Typography.Text></span> },
              { title: t('rewards.kind'), dataIndex: 'kind', render: (k: Reward['kind']) => t(`rewards.kinds.${k}`) },
              { title: t('rewards.value'), dataIndex: 'value', render: (v: Reward['value']) => valueText(v, t, f.language) ?? t('common.none') },
              { title: t('rewards.cost'), dataIndex: 'costPoints', align: 'right', render: (v: number) => n(v) },
              { title: t('rewards.stock'), dataIndex: 'stock', align: 'right', render: (v: number | null) => (v === null ? t('rewards.unlimited') : n(v)) },
              { title: t('rewards.perCustomerLimit'), dataIndex: 'perCustomerLimit', align: 'right', render: (v: number | null) => (v === null ? t('rewards.noLimit') : n(v)) },
              { title: t('rewards.tiers'), dataIndex: 'tiers', render: (tiers: Reward['tiers']) => (tiers ? tiers.map((tier) => <Tag key={tier}>{t(`rewards.tierNames.${tier}`)}</Tag>) : t('rewards.everyone')) },
              { title: t('rewards.exclusive'), dataIndex: 'exclusive', render: (x: boolean) => yesNo(x) },
              { title: t('rewards.birthdayCoupon'), key: 'birthday', render: (_, r) => yesNo(r.id === birthdayRewardId) },
              { title: t('rewards.active'), dataIndex: 'active', render: (a: boolean) => yesNo(a) },
              { title: '', key: 'edit', render: (_, r) => may.editRewards && <Button size="small" onClick={() => setEditing({ reward: r })} aria-label={t('rewards.editTitle', { name: r.name })}>{t('rewards.edit')}</Button> },
            ]}
          />
        )}
      </Card>
      <Card
        title={t('rewards.redemptions')}
        extra={
          <Select
            aria-label={t('rewards.voucherStatus')}
            value={status ?? ''}
            onChange={(v: string) => { setStatus(v === '' ? undefined : (v as VoucherRow['status'])); setCursors([undefined]) }}
            style={{ width: 160 }}
            options={[{ value: '', label: t('rewards.anyStatus') }, ...(['issued', 'used', 'void'] as const).map((s) => ({ value: s, label: t(`rewards.voucherStates.${s}`) }))]}
          />
        }
      >
        {vouchers.isError ? <QueryErrorResult error={vouchers.error} onRetry={() => void vouchers.refetch()} /> : (
          <Flex vertical gap={12}>
            <Table<VoucherRow>
              rowKey="code"
              loading={vouchers.isFetching}
              dataSource={voucherRows}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('rewards.noRedemptions') }}
              columns={[
                { title: t('rewards.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code copyable>{c}</Typography.Text> },
                { title: t('rewards.reward'), dataIndex: 'rewardName', render: (name: string | null, v) => name ?? v.rewardId },
                { title: t('rewards.customer'), dataIndex: 'customerId', render: (id: string) => nameOf(id) ?? t('common.unknownCustomer', { id: '' }) },
                { title: t('rewards.cost'), dataIndex: 'costPoints', align: 'right', render: (v: number | null) => (v === null ? t('common.none') : n(v)) },
                { title: t('rewards.voucherStatus'), dataIndex: 'status', render: (s: VoucherRow['status']) => <Tag color={voucherColors[s]}>{t(`rewards.voucherStates.${s}`)}</Tag> },
                { title: t('rewards.issuedAt'), dataIndex: 'issuedAt', render: (iso: string) => f.dateTime(iso) },
                { title: t('rewards.expiresAt'), dataIndex: 'expiresAt', render: (iso: string) => f.dateTime(iso) },
                {
                  title: '', key: 'void',
                  render: (_, v) => v.status === 'issued' && may.voidVoucher && <Button size="small" danger onClick={() => setVoiding(v.code)} aria-label={t('rewards.voidTitle', { code: v.code })}>{t('rewards.void')}</Button>,
                },
              ]}
            />
            <Pager
              page={cursors.length}
              hasPrevious={cursors.length > 1}
              hasNext={Boolean(vouchers.data?.nextCursor)}
              onPrevious={() => setCursors((c) => c.slice(0, -1))}
              onNext={() => vouchers.data?.nextCursor && setCursors((c) => [...c, vouchers.data!.nextCursor!])}
            />
          </Flex>
        )}
      </Card>
      <RewardModal open={editing !== null} reward={editing?.reward} onClose={() => setEditing(null)} />
      <VoidVoucherModal code={voiding} onClose={() => setVoiding(null)} />
    </Flex>
  )
}

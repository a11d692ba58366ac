import { QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Descriptions, Flex, Segmented, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { getStatement, type LedgerEntry } from '../api'

const DAY = 86_400_000
const kindColors: Record<LedgerEntry['kind'], string> = { earn: 'green', spend: 'blue', revoke: 'volcano', adjust: 'purple', expire: 'default', restore: 'cyan' }

/** A member's statement for the last 30, 90 or 365 days: opening, credits, debits, closing and each entry. */
export function StatementView({ customerId }: { customerId: string }) {
  const { t } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const [days, setDays] = useState(30)
  const statement = useQuery({
    queryKey: ['points-membership', 'statement', customerId, days],
    // From the start of the UTC day `days` ago, so the key stays the same within a day.
    queryFn: ({ signal }) => getStatement(customerId, new Date(Math.floor(Date.now() / DAY) * DAY - (days - 1) * DAY).toISOString(), signal),
    placeholderData: keepPreviousData,
  })
  const n = (v: number) => v.toLocaleString(f.language)
  const signed = (v: number) => (v > 0 ? `+${n(v)}` : n(v))
  if (statement.isError) return <QueryErrorResult error={statement.error} onRetry={() => void statement.refetch()} />
  const s = statement.data
  return (
    <Flex vertical gap={12}>
      <Segmented
        aria-label={t('member.statementRange')}
        value={days}
        onChange={(v) => setDays(Number(v))}
        options={[30, 90, 365].map((d) => ({ value: d, label: t('member.lastDays', { days: d }) }))}
      />
      {s && (
        <Descriptions size="small" column={{ xs: 2, md: 4 }}>
          <Descriptions.Item label={t('member.opening')}>{n(s.openingBalance)}</Descriptions.Item>
          <Descriptions.Item label={t('member.credits')}>{n(s.credits)}</Descriptions.Item>
          <Descriptions.Item label={t('member.debits')}>{n(s.debits)}</Descriptions.Item>
          <Descriptions.Item label={t('member.closing')}>{n(s.closingBalance)}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<LedgerEntry>
        rowKey="entryId"
        size="small"
        loading={statement.isFetching}
        dataSource={s ? [...s.entries].reverse() : []}
        pagination={(s?.entries.length ?? 0) > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('member.noEntries') }}
        scroll={{ x: 640 }}
        data-testid="statement-entries"
        columns={[
          { title: t('member.when'), dataIndex: 'occurredAt', render: (iso: string) => f.dateTime(iso) },
          { title: t('member.kind'), dataIndex: 'kind', render: (k: LedgerEntry['kind']) => <Tag color={kindColors[k]}>{t(`member.kinds.${k}`)}</Tag> },
          {
            title: t('member.change'), dataIndex: 'delta', align: 'right',
            render: (d: number, e) => (
              <span>
                <Typography.Text type={d < 0 ? 'danger' : 'success'}>{signed(d)}</Typography.Text>
                {e.debtDelta !== 0 && <Typography.Text type="secondary"> ({t('member.debtChange', { change: signed(e.debtDelta) })})</Typography.Text>}
              </span>
            ),
          },
          { title: t('member.balanceAfter'), dataIndex: 'balanceAfter', align: 'right', render: (v: number) => n(v) },
          { title: t('member.reason'), key: 'reason', render: (_, e) => e.reason ?? e.orderId ?? t('common.none') },
        ]}
      />
    </Flex>
  )
}

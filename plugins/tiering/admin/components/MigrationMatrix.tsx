import { usePluginTranslation } from '@rapport/admin-kit'
import { Table } from 'antd'
import type { Migration } from '../api'

type Row = { from: string } & Record<string, number | string>

/** The migration as a table: a row per state on the from date, a column per state on the to date; the diagonal stayed. */
export function MigrationMatrix({ migration, labelOf }: { migration: Migration; labelOf: (key: string) => string }) {
  const { t } = usePluginTranslation('tiering')
  const targets = migration.keys.filter((k) => k !== 'none')
  const rows: Row[] = migration.keys.map((from) => ({
    from,
    ...Object.fromEntries(targets.map((to) => [to, migration.matrix.find((m) => m.from === from && m.to === to)?.count ?? 0])),
  }))
  return (
    <Table<Row>
      rowKey="from"
      size="small"
      pagination={false}
      bordered
      caption={t('migration.matrixCaption')}
      dataSource={rows}
      scroll={{ x: 560 }}
      columns={[
        { title: t('migration.fromTo'), dataIndex: 'from', render: (key: string) => <strong>{labelOf(key)}</strong>, onCell: () => ({ role: 'rowheader' }) },
        ...targets.map((to) => ({
          title: labelOf(to),
          dataIndex: to,
          align: 'right' as const,
          onCell: (row: Row) => ({ style: row.from === to ? { background: '#f0f5ff', fontWeight: 600 } : {} }),
        })),
      ]}
    />
  )
}

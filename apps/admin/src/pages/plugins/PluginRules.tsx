import { Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'

type PluginRule = Plugin['rules'][number]

/** The Rules tab: each scoring rule's id, version and the events it runs on, in run order. */
export function PluginRules({ rules }: { rules: PluginRule[] }) {
  const { t } = useTranslation()
  return (
    <Table<PluginRule>
      aria-label={t('plugin.tabs.rules')}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rules}
      locale={{ emptyText: t('plugin.rules.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'id', title: t('plugin.rules.id'), render: (_: unknown, r: PluginRule) => <Typography.Text code>{r.id}</Typography.Text> },
        { key: 'version', dataIndex: 'version', title: t('plugin.rules.version'), align: 'end', width: 100 },
        { key: 'on', title: t('plugin.rules.on'), render: (_: unknown, r: PluginRule) => r.on.map((type) => <Tag key={type}>{type}</Tag>) },
      ]}
    />
  )
}

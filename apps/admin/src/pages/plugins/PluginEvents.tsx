import { Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'

type PluginEvent = Plugin['events'][number]

/** Top-level payload properties of an event's JSON Schema. */
const payloadKeys = (schema: Record<string, unknown>): string[] =>
  schema.properties && typeof schema.properties === 'object' ? Object.keys(schema.properties) : []

/** The Events tab: the event types the plugin owns and the fields of their payloads. */
export function PluginEvents({ events }: { events: PluginEvent[] }) {
  const { t } = useTranslation()
  return (
    <Table<PluginEvent>
      aria-label={t('plugin.tabs.events')}
      rowKey="type"
      size="small"
      pagination={false}
      dataSource={events}
      locale={{ emptyText: t('plugin.events.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'type', title: t('plugin.events.type'), render: (_: unknown, e: PluginEvent) => <Typography.Text code>{e.type}</Typography.Text> },
        {
          key: 'payload',
          title: t('plugin.events.payload'),
          render: (_: unknown, e: PluginEvent) => {
            const keys = payloadKeys(e.schema)
            return keys.length ? keys.map((k) => <Tag key={k}>{k}</Tag>) : t('common.none')
          },
        },
      ]}
    />
  )
}

import { Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'
import { lastFailureMessage } from './plugin-failure-message'

/** The plugins table's failure column: how many events the plugin failed on, how close it is to a quarantine, and the last error. */
export function PluginFailuresCell({ plugin }: { plugin: Pick<Plugin, 'failures'> }) {
  const { t } = useTranslation()
  const { total, recent, limit, windowMinutes, last } = plugin.failures
  if (total === 0) return <Typography.Text type="secondary">0</Typography.Text>
  return (
    <Flex vertical align="start" gap={2} style={{ maxWidth: 260 }}>
      <Tag color={recent > 0 ? 'red' : 'default'}>{t('plugins.failures.total', { total })}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('plugins.failures.recent', { recent, limit, windowMinutes })}
      </Typography.Text>
      {last && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
          {lastFailureMessage(t, last)}
        </Typography.Text>
      )}
    </Flex>
  )
}

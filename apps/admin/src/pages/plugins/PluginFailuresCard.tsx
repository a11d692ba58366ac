import { useFormatters } from '@rapport/admin-kit'
import { Alert, Card, Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'
import { lastFailureMessage } from './plugin-failure-message'

/** A plugin page's account of its failures on events: counts, the quarantine limit, and the last failure in full. Nothing while it never failed. */
export function PluginFailuresCard({ plugin }: { plugin: Pick<Plugin, 'name' | 'failures'> }) {
  const { t } = useTranslation()
  const { dateTime } = useFormatters()
  const { total, recent, limit, windowMinutes, last } = plugin.failures
  if (total === 0) return null
  return (
    <Card title={t('plugin.failures.title')}>
      <Alert type={recent > 0 ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} title={t('plugin.failures.summary', { name: plugin.name, total, limit, windowMinutes })} />
      <Descriptions
        column={1}
        items={[
          { key: 'recent', label: t('plugin.failures.recent'), children: t('plugins.failures.recent', { recent, limit, windowMinutes }) },
          ...(last
            ? [
                { key: 'message', label: t('plugin.failures.last'), children: <Typography.Text type="danger">{lastFailureMessage(t, last)}</Typography.Text> },
                { key: 'at', label: t('plugin.failures.at'), children: dateTime(last.at) },
                { key: 'event', label: t('plugin.failures.event'), children: <Typography.Text code>{`${last.event.type} · ${last.event.id}`}</Typography.Text> },
                { key: 'code', label: t('plugin.failures.code'), children: <Typography.Text code>{last.error.code}</Typography.Text> },
              ]
            : []),
        ]}
      />
    </Card>
  )
}

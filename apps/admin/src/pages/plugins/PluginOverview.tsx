import { Card, Descriptions, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'
import { PluginDependencies } from './PluginDependencies'

/** Namespace, dependencies, extension points and admin module of a plugin. */
export function PluginOverview({ plugin }: { plugin: Plugin }) {
  const { t } = useTranslation()
  const none = t('common.none')
  return (
    <Card>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'namespace', label: t('plugin.overview.namespace'), children: <Typography.Text code>{plugin.namespace}</Typography.Text> },
          { key: 'dependencies', label: t('plugin.overview.dependencies'), children: <PluginDependencies plugin={plugin} /> },
          {
            key: 'extensionPoints',
            label: t('plugin.overview.extensionPoints'),
            children: plugin.extensionPoints.length
              ? plugin.extensionPoints.map((point) => (
                  <Tag key={point.id} title={point.description}>
                    {point.id}
                  </Tag>
                ))
              : none,
          },
          { key: 'admin', label: t('plugin.overview.admin'), children: plugin.admin ? <Typography.Text code>{plugin.admin}</Typography.Text> : none },
        ]}
      />
    </Card>
  )
}

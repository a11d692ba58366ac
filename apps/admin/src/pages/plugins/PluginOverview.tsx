import { Card, Descriptions, Flex, Grid, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'
import { usePluginAdmin } from '../../plugins/use-plugin-admin'
import { PluginDependencies } from './PluginDependencies'

/**
 * Namespace, dependencies, extension points and the admin pages of a plugin: their menu labels,
 * listed only when this admin has pages for it (built in, or an outside plugin's loaded bundle).
 */
export function PluginOverview({ plugin }: { plugin: Plugin }) {
  const { t } = useTranslation()
  const none = t('common.none')
  const pages = usePluginAdmin()(plugin.name)?.pages ?? []
  // On a phone each label goes above its value: beside it, a plugin with several optional
  // dependencies (complaint-tracking's three version ranges) pushed the table past 390 px.
  const wide = Grid.useBreakpoint().md ?? false
  return (
    <Card>
      <Descriptions
        layout={wide ? 'horizontal' : 'vertical'}
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'namespace', label: t('plugin.overview.namespace'), children: <Typography.Text code>{plugin.namespace}</Typography.Text> },
          { key: 'dependencies', label: t('plugin.overview.dependencies'), children: <PluginDependencies plugin={plugin} /> },
          {
            key: 'extensionPoints',
            label: t('plugin.overview.extensionPoints'),
            children: plugin.extensionPoints.length ? (
              <Flex wrap gap={4}>
                {plugin.extensionPoints.map((point) => (
                  <Tag key={point.id} title={point.description}>
                    {point.id}
                  </Tag>
                ))}
              </Flex>
            ) : (
              none
            ),
          },
          ...(pages.length === 0
            ? []
            : [
                {
                  key: 'admin',
                  label: t('plugin.overview.admin'),
                  children: (
                    <Flex wrap gap={4}>
                      {pages.map((page) => (
                        <Tag key={page.key}>{t(`${plugin.name}:${page.labelKey}` as 'common.none')}</Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]),
        ]}
      />
    </Card>
  )
}

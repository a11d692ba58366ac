import { Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'

const rangeTags = (ranges: Record<string, string>, color?: string) =>
  Object.entries(ranges).map(([name, range]) => (
    <Tag key={name} color={color}>
      {name} {range}
    </Tag>
  ))

/** What a plugin requires (blue) and uses when present (plain), as `name range` tags. */
export function PluginDependencies({ plugin }: { plugin: Pick<Plugin, 'requires' | 'optional'> }) {
  const { t } = useTranslation()
  const requires = Object.keys(plugin.requires).length > 0
  const optional = Object.keys(plugin.optional).length > 0
  if (!requires && !optional) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  return (
    <Flex vertical gap={4}>
      {requires && (
        <Flex wrap gap={4} align="center">
          <Typography.Text type="secondary">{t('plugins.requires')}</Typography.Text>
          {rangeTags(plugin.requires, 'blue')}
        </Flex>
      )}
      {optional && (
        <Flex wrap gap={4} align="center">
          <Typography.Text type="secondary">{t('plugins.optional')}</Typography.Text>
          {rangeTags(plugin.optional)}
        </Flex>
      )}
    </Flex>
  )
}

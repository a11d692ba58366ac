import { Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Plugin } from '../../api/types'
import { codedErrorMessage } from '@rapport/admin-kit'

const colors = { active: 'green', disabled: 'default', failed: 'red' } as const

/** The plugin's state as a coloured tag; a failed plugin also shows its error code and message. */
export function PluginStateTag({ plugin, showError = true }: { plugin: Pick<Plugin, 'state' | 'error'>; showError?: boolean }) {
  const { t } = useTranslation()
  const tag = <Tag color={colors[plugin.state]}>{t(`plugins.states.${plugin.state}`)}</Tag>
  if (!showError || plugin.state !== 'failed' || !plugin.error) return tag
  return (
    <Flex vertical align="start" gap={4} style={{ maxWidth: 260 }}>
      {tag}
      <Typography.Text code>{plugin.error.code}</Typography.Text>
      <Typography.Text type="danger">{codedErrorMessage(t, plugin.error)}</Typography.Text>
    </Flex>
  )
}

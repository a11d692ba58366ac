import { Flex, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table/interface'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import type { Plugin } from '../../api/types'
import { PluginDependencies } from './PluginDependencies'
import { PluginFailuresCell } from './PluginFailuresCell'
import { PluginStateTag } from './PluginStateTag'
import { PluginToggle } from './PluginToggle'

/** Path of a plugin's page. */
export const pluginPath = (name: string): string => `/plugins/${encodeURIComponent(name)}`

const count = (n: number) => (
  <Typography.Text type={n === 0 ? 'secondary' : undefined} style={{ whiteSpace: 'nowrap' }}>
    {n}
  </Typography.Text>
)

/** Columns of the plugins table: name, version, state, failures on events, dependencies, what it declares, the switch. */
export const pluginColumns = (t: TFunction): ColumnsType<Plugin> => [
  {
    key: 'name',
    title: t('plugins.columns.name'),
    render: (_: unknown, plugin: Plugin) => (
      <Flex vertical gap={2}>
        <Flex gap={8} align="center">
          <Link to={pluginPath(plugin.name)} onClick={(e) => e.stopPropagation()}>
            {plugin.name}
          </Link>
          {plugin.required && <Tag color="gold">{t('plugins.required')}</Tag>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('plugins.namespace', { namespace: plugin.namespace })}
        </Typography.Text>
      </Flex>
    ),
  },
  { key: 'version', dataIndex: 'version', title: t('plugins.columns.version') },
  {
    key: 'state',
    title: t('plugins.columns.state'),
    // Room for a failed plugin's reason (a quarantine's is two sentences).
    width: 220,
    render: (_: unknown, plugin: Plugin) => <PluginStateTag plugin={plugin} />,
  },
  {
    key: 'failures',
    title: t('plugins.columns.failures'),
    render: (_: unknown, plugin: Plugin) => <PluginFailuresCell plugin={plugin} />,
  },
  {
    key: 'dependencies',
    title: t('plugins.columns.dependencies'),
    render: (_: unknown, plugin: Plugin) => <PluginDependencies plugin={plugin} />,
  },
  { key: 'profileFields', title: t('plugins.columns.profileFields'), align: 'end', render: (_: unknown, p: Plugin) => count(p.profileFields.length) },
  { key: 'events', title: t('plugins.columns.events'), align: 'end', render: (_: unknown, p: Plugin) => count(p.events.length) },
  { key: 'rules', title: t('plugins.columns.rules'), align: 'end', render: (_: unknown, p: Plugin) => count(p.rules.length) },
  {
    key: 'enabled',
    title: t('plugins.columns.enabled'),
    // The switch sits in a clickable row: its clicks must not open the plugin.
    render: (_: unknown, plugin: Plugin) => (
      // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row's click; the switch inside is the control
      // biome-ignore lint/a11y/useKeyWithClickEvents: the switch handles its own keys
      <span onClick={(e) => e.stopPropagation()}>
        <PluginToggle plugin={plugin} />
      </span>
    ),
  },
]

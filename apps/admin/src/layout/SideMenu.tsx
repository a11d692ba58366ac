import { Menu, Typography, type MenuProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { NavigationItem } from '../navigation/registry'
import { usePluginTitle } from '../plugins/use-plugin-title'
import { entryOf, groupEntries } from './menu-model'
import { useVisibleEntries } from './use-visible-entries'

/** The brand and the side menu built from the navigation registry, grouped by plugin, filtered by role and by the plugins enabled. */
export function SideMenu({ registry, collapsed }: { registry: readonly NavigationItem[]; collapsed: boolean }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const pluginTitle = usePluginTitle()
  const items = useVisibleEntries(registry)
  const selected = entryOf(pathname, items)
  return (
    <nav aria-label={t('nav.label')}>
      <Typography.Title level={4} style={{ color: '#fff', margin: 0, padding: '16px 24px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
        {collapsed ? 'R' : t('app.name')}
      </Typography.Title>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={selected ? [selected.key] : []}
        items={groupEntries(items).flatMap((group, i): NonNullable<MenuProps['items']> => {
          const children = group.items.map(({ key, path, labelKey, icon: Icon }) => ({
            key,
            icon: <Icon />,
            label: <Link to={`/${path}`}>{t(labelKey as 'nav.customers')}</Link>,
          }))
          // Collapsed to icons, a group title has no room: a divider separates the groups.
          if (collapsed) return [...(i > 0 ? [{ type: 'divider' as const, key: `divider:${group.key}` }] : []), ...children]
          const label = group.plugin ? pluginTitle(group.plugin) : t(`nav.groups.${group.key}` as 'nav.groups.workspace')
          return [{ type: 'group' as const, key: `group:${group.key}`, label, children }]
        })}
      />
    </nav>
  )
}

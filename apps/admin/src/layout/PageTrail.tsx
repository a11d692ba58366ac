import { Breadcrumb } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { NavigationItem } from '../navigation/registry'
import { usePluginTitle } from '../plugins/use-plugin-title'
import { entryOf } from './menu-model'
import { useVisibleEntries } from './use-visible-entries'

/**
 * Breadcrumbs above every page: the menu group (a plugin's title or a core group), the menu
 * entry, and "Details" on a sub-page (a customer, a case, a survey).
 */
export function PageTrail({ registry }: { registry: readonly NavigationItem[] }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const pluginTitle = usePluginTitle()
  const entry = entryOf(pathname, useVisibleEntries(registry))
  if (!entry) return null
  const group = entry.plugin ? pluginTitle(entry.plugin) : t(`nav.groups.${entry.group ?? 'workspace'}` as 'nav.groups.workspace')
  const label = t(entry.labelKey as 'nav.customers')
  const deeper = pathname !== `/${entry.path}`
  return (
    <Breadcrumb
      // Not a second navigation landmark: the side menu is the page's one navigation.
      {...{ role: 'group', 'aria-label': t('nav.breadcrumb') }}
      style={{ marginBottom: 12 }}
      items={[
        { key: 'group', title: group },
        { key: 'entry', title: deeper ? <Link to={`/${entry.path}`}>{label}</Link> : label },
        ...(deeper ? [{ key: 'details', title: t('nav.details') }] : []),
      ]}
    />
  )
}

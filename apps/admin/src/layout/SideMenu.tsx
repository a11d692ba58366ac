import { Menu, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useSession } from '../auth/session-query'
import { canSee, type NavigationItem } from '../navigation/registry'
import { useActivePlugins } from '../plugins/use-active-plugins'

/** Key of the entry whose path starts the current location (`/customers/42` → `customers`). */
const selectedKeyOf = (pathname: string, items: readonly NavigationItem[]): string[] => {
  const match = items.find((item) => pathname === `/${item.path}` || pathname.startsWith(`/${item.path}/`))
  return match ? [match.key] : []
}

/** The brand and the side menu built from the navigation registry, filtered by role and by the plugins enabled. */
export function SideMenu({ registry, collapsed }: { registry: readonly NavigationItem[]; collapsed: boolean }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const { data: user } = useSession()
  const activePlugins = useActivePlugins()
  const items = registry.filter((item) => canSee(item, user?.role) && (!item.plugin || activePlugins?.has(item.plugin)))
  return (
    <nav aria-label={t('nav.label')}>
      <Typography.Title level={4} style={{ color: '#fff', margin: 0, padding: '16px 24px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
        {collapsed ? 'R' : t('app.name')}
      </Typography.Title>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={selectedKeyOf(pathname, items)}
        items={items.map(({ key, path, labelKey, icon: Icon }) => ({
          key,
          icon: <Icon />,
          label: <Link to={`/${path}`}>{t(labelKey as 'nav.customers')}</Link>,
        }))}
      />
    </nav>
  )
}

import MenuFoldOutlined from '@ant-design/icons/MenuFoldOutlined'
import MenuUnfoldOutlined from '@ant-design/icons/MenuUnfoldOutlined'
import { Button, Flex, Grid, Layout } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { PageLoading } from '@rapport/admin-kit'
import type { NavigationItem } from '../navigation/registry'
import { useNavigationEntries } from '../plugins/use-navigation-entries'
import { LanguageSwitch } from './LanguageSwitch'
import { PageTrail } from './PageTrail'
import { SideMenu } from './SideMenu'
import { useFocusableScrollRegions } from './use-focusable-scroll-regions'
import { UserMenu } from './UserMenu'

const headerStyle = { background: '#fff', paddingInline: 16, borderBottom: '1px solid #f0f0f0' } as const

/** The signed-in shell: side navigation, header (menu toggle, language, user) and the page. */
export function AppLayout({ registry: builtIn }: { registry: readonly NavigationItem[] }) {
  const { t } = useTranslation()
  const registry = useNavigationEntries(builtIn)
  const [collapsed, setCollapsed] = useState(false)
  // On a phone the collapsed menu takes no room at all: the header's button opens it.
  const phone = !Grid.useBreakpoint().md
  useFocusableScrollRegions()
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} trigger={null} breakpoint="lg" width={220} collapsedWidth={phone ? 0 : 80}>
        <SideMenu registry={registry} collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={headerStyle}>
          <Flex align="center" justify="space-between" style={{ height: '100%' }}>
            <Button
              type="text"
              aria-label={collapsed ? t('header.expand') : t('header.collapse')}
              aria-expanded={!collapsed}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
            <Flex align="center" gap={phone ? 8 : 16}>
              <LanguageSwitch />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <PageTrail registry={registry} />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

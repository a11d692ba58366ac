/**
 * @module
 * Tiering's admin part: the overview of tiers, segments, recency and the ladder (with each
 * customer's explain page beneath it), tier migration between two dates, the settings with their
 * preview, the dashboard widget of tiers, and the customer page's way to the explain page.
 */
import RiseOutlined from '@ant-design/icons/RiseOutlined'
import SettingOutlined from '@ant-design/icons/SettingOutlined'
import SwapOutlined from '@ant-design/icons/SwapOutlined'
import { definePluginAdmin } from '@rapport/admin-kit'
import { lazy } from 'react'
import { en, zhCN } from './messages'
import { segmentsFormMessages } from './settings/messages'

export default definePluginAdmin({
  plugin: 'tiering',
  title: { en: 'Customer tiers', 'zh-CN': '客户等级' },
  messages: { en: { ...en, segmentsForm: segmentsFormMessages.en }, 'zh-CN': { ...zhCN, segmentsForm: segmentsFormMessages['zh-CN'] } },
  pages: [
    {
      key: 'overview', path: '', labelKey: 'nav.overview', icon: RiseOutlined, element: lazy(() => import('./pages/TieringOverviewPage')),
      children: [{ path: 'customers/:id', element: lazy(() => import('./pages/CustomerExplainPage')) }],
    },
    { key: 'migration', path: 'migration', labelKey: 'nav.migration', icon: SwapOutlined, element: lazy(() => import('./pages/TieringMigrationPage')) },
    // The server lets owners and admins preview, save and re-evaluate.
    { key: 'settings', path: 'settings', labelKey: 'nav.settings', icon: SettingOutlined, roles: ['owner', 'admin'], element: lazy(() => import('./pages/TieringSettingsPage')) },
  ],
  widgets: { tiers: lazy(() => import('./widgets/TierWidget')) },
  widgetLinks: { tiers: () => 'tiering' },
  customerActions: { 'explain-tier': lazy(() => import('./customer/ExplainTierAction')) },
})

/**
 * @module
 * Tiering's admin part: the overview of tiers, segments, recency and the ladder, and the
 * dashboard widget of tiers.
 */
import RiseOutlined from '@ant-design/icons/RiseOutlined'
import { definePluginAdmin } from '@rapport/admin-kit'
import { lazy } from 'react'
import { en, zhCN } from './messages'

export default definePluginAdmin({
  plugin: 'tiering',
  messages: { en, 'zh-CN': zhCN },
  pages: [{ key: 'overview', path: '', labelKey: 'nav.overview', icon: RiseOutlined, element: lazy(() => import('./pages/TieringOverviewPage')) }],
  widgets: { tiers: lazy(() => import('./widgets/TierWidget')) },
})

/**
 * @module
 * churn-risk's admin part: the list of customers at risk (with the win-back action) and the
 * `atRisk` dashboard widget.
 */
import WarningOutlined from '@ant-design/icons/WarningOutlined'
import { definePluginAdmin } from '@rapport/admin-kit'
import { lazy } from 'react'
import { en, zhCN } from './messages'

export default definePluginAdmin({
  plugin: 'churn-risk',
  title: { en: 'Churn risk', 'zh-CN': '流失风险' },
  messages: { en, 'zh-CN': zhCN },
  pages: [{ key: 'at-risk', path: '', labelKey: 'nav.atRisk', icon: WarningOutlined, element: lazy(() => import('./pages/AtRiskPage')) }],
  widgets: { atRisk: lazy(() => import('./widgets/AtRiskWidget')) },
  widgetLinks: { atRisk: () => 'churn-risk' },
})

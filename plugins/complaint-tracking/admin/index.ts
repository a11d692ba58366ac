/**
 * @module
 * complaint-tracking's admin part: the complaint queue (with each case's page beneath it), the
 * new-complaint form for agents, follow-up visits (回访), reports, the settings (owners and
 * admins), and the dashboard widget of open complaints.
 */
import BarChartOutlined from '@ant-design/icons/BarChartOutlined'
import FileAddOutlined from '@ant-design/icons/FileAddOutlined'
import MessageOutlined from '@ant-design/icons/MessageOutlined'
import PhoneOutlined from '@ant-design/icons/PhoneOutlined'
import SettingOutlined from '@ant-design/icons/SettingOutlined'
import WarningOutlined from '@ant-design/icons/WarningOutlined'
import { definePluginAdmin } from '@rapport/admin-kit'
import { lazy } from 'react'
import { customerActionMessages } from './customer/messages'
import { en, zhCN } from './messages'
import { settingsFormMessages } from './settings/messages'

export default definePluginAdmin({
  plugin: 'complaint-tracking',
  title: { en: 'Complaint handling', 'zh-CN': '投诉管理' },
  messages: {
    en: { ...en, customerAction: customerActionMessages.en, settingsForm: settingsFormMessages.en },
    'zh-CN': { ...zhCN, customerAction: customerActionMessages['zh-CN'], settingsForm: settingsFormMessages['zh-CN'] },
  },
  pages: [
    {
      key: 'cases', path: '', labelKey: 'nav.cases', icon: WarningOutlined, element: lazy(() => import('./pages/CaseListPage')),
      children: [{ path: 'cases/:id', element: lazy(() => import('./pages/CaseDetailPage')) }],
    },
    { key: 'new', path: 'new', labelKey: 'nav.newCase', icon: FileAddOutlined, roles: ['owner', 'admin', 'agent'], element: lazy(() => import('./pages/NewCasePage')) },
    { key: 'follow-ups', path: 'follow-ups', labelKey: 'nav.followUps', icon: PhoneOutlined, element: lazy(() => import('./pages/FollowUpsPage')) },
    { key: 'canned-replies', path: 'canned-replies', labelKey: 'nav.cannedReplies', icon: MessageOutlined, element: lazy(() => import('./pages/CannedRepliesPage')) },
    { key: 'analytics', path: 'analytics', labelKey: 'nav.analytics', icon: BarChartOutlined, element: lazy(() => import('./pages/AnalyticsPage')) },
    // The server lets owners and admins change a plugin's config.
    { key: 'settings', path: 'settings', labelKey: 'nav.settings', icon: SettingOutlined, roles: ['owner', 'admin'], element: lazy(() => import('./pages/SettingsPage')) },
  ],
  widgets: { open: lazy(() => import('./widgets/OpenWidget')) },
  widgetLinks: { open: () => 'complaint-tracking?status=open' },
  customerActions: { 'open-complaint': lazy(() => import('./customer/OpenComplaintAction')) },
})

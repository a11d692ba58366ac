/**
 * @module
 * points-membership's admin part: members (ledger, lots, adjust, status, enrol), earning rules
 * with the rule preview, campaigns (list, calendar, form with impact preview), rewards and redemptions, reports, and the dashboard widget `liability`.
 */
import BarChartOutlined from '@ant-design/icons/BarChartOutlined'
import CalendarOutlined from '@ant-design/icons/CalendarOutlined'
import GiftOutlined from '@ant-design/icons/GiftOutlined'
import SlidersOutlined from '@ant-design/icons/SlidersOutlined'
import TeamOutlined from '@ant-design/icons/TeamOutlined'
import { definePluginAdmin } from '@rapport/admin-kit'
import { lazy } from 'react'
import { campaignMessages } from './campaigns/messages'
import { bonusSegmentMessages, customerActionMessages } from './customer/messages'
import { en, zhCN } from './messages'
import { bonusEventMessages } from './rules/BonusEventSelect'

export default definePluginAdmin({
  plugin: 'points-membership',
  title: { en: 'Points and membership', 'zh-CN': '积分会员' },
  messages: {
    en: { ...en, customerAction: customerActionMessages.en, bonusSegment: bonusSegmentMessages.en, campaigns: campaignMessages.en, rulesEvents: bonusEventMessages.en },
    'zh-CN': { ...zhCN, customerAction: customerActionMessages['zh-CN'], bonusSegment: bonusSegmentMessages['zh-CN'], campaigns: campaignMessages['zh-CN'], rulesEvents: bonusEventMessages['zh-CN'] },
  },
  pages: [
    { key: 'members', path: '', labelKey: 'nav.members', icon: TeamOutlined, element: lazy(() => import('./pages/MembersPage')) },
    { key: 'rules', path: 'rules', labelKey: 'nav.rules', icon: SlidersOutlined, element: lazy(() => import('./pages/RulesPage')) },
    { key: 'campaigns', path: 'campaigns', labelKey: 'campaigns.nav', icon: CalendarOutlined, element: lazy(() => import('./campaigns/CampaignsPage')) },
    { key: 'rewards', path: 'rewards', labelKey: 'nav.rewards', icon: GiftOutlined, element: lazy(() => import('./pages/RewardsPage')) },
    { key: 'reports', path: 'reports', labelKey: 'nav.reports', icon: BarChartOutlined, element: lazy(() => import('./pages/ReportsPage')) },
  ],
  widgets: { liability: lazy(() => import('./widgets/LiabilityWidget')) },
  widgetLinks: { liability: () => 'points-membership' },
  customerActions: { adjust: lazy(() => import('./customer/AdjustPointsAction')) },
})

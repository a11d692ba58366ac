/**
 * @module
 * satisfaction-survey's admin part: the survey list, the builder, distribution (links, public
 * link, embed code, triggers), the results dashboard, a response's detail, and the dashboard
 * widget `nps`.
 */
import SmileOutlined from '@ant-design/icons/SmileOutlined'
import { definePluginAdmin } from '@rapport/admin-kit'
import { lazy } from 'react'
import { customerActionMessages } from './customer/messages'
import { en, zhCN } from './messages'
import { analysisMessages } from './results/analysis-messages'

export default definePluginAdmin({
  plugin: 'satisfaction-survey',
  title: { en: 'Satisfaction surveys', 'zh-CN': '满意度调查' },
  messages: {
    en: { ...en, customerAction: customerActionMessages.en, analysis: analysisMessages.en },
    'zh-CN': { ...zhCN, customerAction: customerActionMessages['zh-CN'], analysis: analysisMessages['zh-CN'] },
  },
  pages: [
    {
      key: 'surveys',
      path: '',
      labelKey: 'nav.surveys',
      icon: SmileOutlined,
      element: lazy(() => import('./pages/SurveyListPage')),
      children: [
        { path: 'responses/:responseId', element: lazy(() => import('./pages/ResponseDetailPage')) },
        { path: ':id', element: lazy(() => import('./pages/SurveyBuilderPage')) },
        { path: ':id/distribution', element: lazy(() => import('./pages/DistributionPage')) },
        { path: ':id/results', element: lazy(() => import('./pages/ResultsPage')) },
      ],
    },
  ],
  widgets: { nps: lazy(() => import('./widgets/NpsWidget')) },
  widgetLinks: { nps: () => 'satisfaction-survey' },
  customerActions: { 'send-link': lazy(() => import('./customer/SendSurveyLinkAction')) },
})

import { usePluginTranslation } from '@rapport/admin-kit'
import { Flex, Menu, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import type { Survey } from '../api/surveys'
import { surveyPaths } from './paths'
import { SurveyStatusTag } from './SurveyStatusTag'

/** The survey's name and status, a way back to the list, and its builder / distribution / results pages. */
export function SurveyHeader({ survey, extra }: { survey: Survey; extra?: ReactNode }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const { pathname } = useLocation()
  const items = [
    { key: 'builder', path: surveyPaths.builder(survey.id), label: t('nav.builder') },
    { key: 'distribution', path: surveyPaths.distribution(survey.id), label: t('nav.distribution') },
    { key: 'results', path: surveyPaths.results(survey.id), label: t('nav.results') },
  ]
  const current = items.find((item) => pathname.endsWith(item.path))?.key ?? items.find((item) => pathname.includes(item.path))?.key
  return (
    <div>
      <Link to={surveyPaths.list}>← {t('nav.back')}</Link>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={2} style={{ margin: '8px 0' }}>
            {survey.name}
          </Typography.Title>
          <SurveyStatusTag survey={survey} />
        </Flex>
        {extra}
      </Flex>
      <Menu aria-label={t('nav.surveyPages')} mode="horizontal" selectedKeys={current ? [current] : []} items={items.map((item) => ({ key: item.key, label: <Link to={item.path}>{item.label}</Link> }))} />
    </div>
  )
}

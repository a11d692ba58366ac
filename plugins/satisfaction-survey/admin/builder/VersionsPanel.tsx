import { PageLoading, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Collapse, Empty, Flex, Tag, Typography } from 'antd'
import { listVersions } from '../api/surveys'
import { JsonView } from './JsonView'
import { QuestionList } from './QuestionList'
import type { SurveyLocale } from './localized'
import { questionsOf } from './survey-document'

/** The published versions, newest first, read-only: their questions, score marks and JSON. */
export function VersionsPanel({ surveyId }: { surveyId: string }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const format = useFormatters()
  const versions = useQuery({ queryKey: ['satisfaction-survey', 'versions', surveyId], queryFn: ({ signal }) => listVersions(surveyId, signal) })
  if (versions.isPending) return <PageLoading />
  if (versions.isError) return <QueryErrorResult error={versions.error} onRetry={() => void versions.refetch()} />
  if (versions.data.items.length === 0) return <Empty description={t('versions.none')} />
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph type="secondary">{t('versions.readOnly')}</Typography.Paragraph>
      <Collapse
        items={[...versions.data.items].reverse().map((v) => ({
          key: String(v.version),
          label: (
            <span>
              {t('versions.version', { version: v.version })} · {format.dateTime(v.publishedAt)} {v.locales.map((l) => <Tag key={l}>{t(`locale.${l}`)}</Tag>)}
            </span>
          ),
          children: (
            <Flex vertical gap={12}>
              <QuestionList
                readOnly
                questions={questionsOf(v.json)}
                locale={(v.defaultLocale as SurveyLocale) ?? 'en'}
                selected={undefined}
                scoreOf={(name) => (Object.entries(v.scores).find(([, q]) => q === name)?.[0] as 'nps' | 'csat' | 'ces' | undefined)}
                onSelect={() => {}}
                onMove={() => {}}
                onDelete={() => {}}
                onAdd={() => {}}
                editor={null}
              />
              <JsonView json={v.json} readOnly />
            </Flex>
          ),
        }))}
      />
    </Flex>
  )
}

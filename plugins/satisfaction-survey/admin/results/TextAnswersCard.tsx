import { useDebouncedValue, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Card, Empty, Flex, Input, List, Select, Typography } from 'antd'
import { useId, useState } from 'react'
import { Link } from 'react-router'
import { getTexts, type Scope } from '../api/analytics'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { surveyPaths } from '../pages/paths'
import { CommentThemes } from './CommentThemes'

/** Free-text answers of one text or comment question, searchable. */
export function TextAnswersCard({ scope, questions }: { scope: Scope; questions: { name: string; title: string }[] }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const format = useFormatters()
  const errorText = useSurveyErrorText()
  const id = useId()
  const [question, setQuestion] = useState<string | undefined>(questions[0]?.name)
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search, 300)
  const texts = useQuery({
    queryKey: ['satisfaction-survey', 'texts', scope, question, q],
    queryFn: ({ signal }) => getTexts(scope, question!, q, signal),
    enabled: !!question,
  })
  return (
    <Card title={t('results.texts')}>
      {questions.length === 0 ? (
        <Empty description={t('results.noTextQuestions')} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={12} wrap>
            <Flex vertical gap={4}>
              <label htmlFor={`${id}-q`}>{t('results.textQuestion')}</label>
              <Select<string> id={`${id}-q`} style={{ minWidth: 220 }} value={question} onChange={setQuestion} options={questions.map((x) => ({ value: x.name, label: x.title }))} />
            </Flex>
            <Flex vertical gap={4} style={{ flex: 1, minWidth: 200 }}>
              <label htmlFor={`${id}-s`}>{t('results.search')}</label>
              <Input.Search id={`${id}-s`} allowClear value={search} onChange={(e) => setSearch(e.target.value)} />
            </Flex>
          </Flex>
          {question && !q && <CommentThemes scope={scope} question={question} />}
          {texts.isError ? (
            <Typography.Text type="danger">{errorText(texts.error)}</Typography.Text>
          ) : (
            <List
              loading={texts.isFetching}
              dataSource={texts.data?.items ?? []}
              locale={{ emptyText: t('results.noTexts') }}
              renderItem={(item) => (
                <List.Item extra={<Link to={surveyPaths.response(item.responseId)}>{t('results.open')}</Link>}>
                  <List.Item.Meta title={<span style={{ whiteSpace: 'pre-wrap', fontWeight: 'normal' }}>{item.text}</span>} description={format.dateTime(item.completedAt)} />
                </List.Item>
              )}
            />
          )}
        </Flex>
      )}
    </Card>
  )
}

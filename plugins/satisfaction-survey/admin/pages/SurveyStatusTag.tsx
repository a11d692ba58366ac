import { usePluginTranslation } from '@rapport/admin-kit'
import { Tag } from 'antd'
import type { Survey } from '../api/surveys'

/** Draft, published vN (with unpublished changes) or archived. */
export function SurveyStatusTag({ survey }: { survey: Pick<Survey, 'status' | 'latestVersion' | 'draftChanged'> }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  if (survey.status === 'archived') return <Tag>{t('status.archived')}</Tag>
  if (survey.latestVersion === null) return <Tag color="gold">{t('status.draft')}</Tag>
  return (
    <>
      <Tag color="green">{t('status.published', { version: survey.latestVersion })}</Tag>
      {survey.draftChanged && <Tag color="orange">{t('status.draftChanged')}</Tag>}
    </>
  )
}

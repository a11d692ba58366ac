import { isApiError, usePluginTranslation } from '@rapport/admin-kit'
import { Alert } from 'antd'
import { definitionIssueLabels } from '../../server/validation/issue-labels'
import { useSurveyErrorText } from '../api/use-survey-error-text'

type Issue = { path: string; code: string; message: string }

/** The issues of a refused save or publish (`SURVEY_DEFINITION_INVALID`), each with its JSON path; any other refusal as one sentence. */
export function DefinitionIssues({ error }: { error: unknown }) {
  const { t, language } = usePluginTranslation('satisfaction-survey')
  const errorText = useSurveyErrorText()
  const issues = isApiError(error) ? ((error.details as { issues?: Issue[] } | undefined)?.issues ?? []) : []
  const lang = language === 'zh-CN' ? 'zh-CN' : 'en'
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={errorText(error)}
      description={
        issues.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path || t('builder.surveyRoot')}</code>: {definitionIssueLabels[issue.code]?.[lang] ?? issue.code} <span style={{ color: '#888' }}>({issue.message})</span>
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  )
}

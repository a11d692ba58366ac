import { usePluginTranslation } from '@rapport/admin-kit'
import { Alert, Button, Flex, Input, Typography } from 'antd'
import { useEffect, useId, useState } from 'react'
import type { SurveyJson } from '../api/surveys'

/** Where `JSON.parse` stopped, as "line L, column C" when the engine says where. */
function parseProblem(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) ? undefined : 'object'
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const at = /position (\d+)/.exec(message)
    if (!at) return message
    const before = text.slice(0, Number(at[1]))
    const line = before.split('\n').length
    return `${line}:${before.length - before.lastIndexOf('\n')}`
  }
}

/** The SurveyJS JSON as text: edit it and apply, or see it read-only. Text that does not parse is not applied. */
export function JsonView({ json, readOnly = false, onApply }: { json: SurveyJson; readOnly?: boolean; onApply?: (json: SurveyJson) => void }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const id = useId()
  const pretty = JSON.stringify(json, null, 2)
  const [text, setText] = useState(pretty)
  const [problem, setProblem] = useState<string>()
  useEffect(() => {
    setText(pretty)
    setProblem(undefined)
  }, [pretty])
  const apply = () => {
    const found = parseProblem(text)
    setProblem(found)
    if (!found) onApply?.(JSON.parse(text) as SurveyJson)
  }
  return (
    <Flex vertical gap={8}>
      <label htmlFor={`${id}-json`}>
        <Typography.Text strong>{t('json.label')}</Typography.Text>
      </label>
      <Typography.Text type="secondary">{readOnly ? t('json.readOnly') : t('json.hint')}</Typography.Text>
      <Input.TextArea id={`${id}-json`} value={text} readOnly={readOnly} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 30 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} />
      {problem && (
        <Alert type="error" showIcon role="alert" message={problem === 'object' ? t('json.notObject') : t('json.invalid', { where: problem })} />
      )}
      {!readOnly && (
        <Flex gap={8}>
          <Button onClick={apply} disabled={text === pretty}>
            {t('json.apply')}
          </Button>
          <Button onClick={() => { setText(pretty); setProblem(undefined) }} disabled={text === pretty}>
            {t('json.revert')}
          </Button>
        </Flex>
      )}
    </Flex>
  )
}

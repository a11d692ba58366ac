import { usePluginTranslation } from '@rapport/admin-kit'
import { Checkbox, Flex, Input, Select, Typography } from 'antd'
import { textIn, type SurveyLocale } from './localized'
import type { QuestionJson } from './question-types'
import { conditionOperators, isUnary, parseExpression, toExpression, type Condition, type ConditionOperator } from './visible-if'

const numericTypes = new Set(['rating'])

/**
 * "Show when <question> <op> <value>", written as the question's `visibleIf`. A condition the form
 * cannot express is shown as its expression text.
 */
export function VisibleIfEditor({ visibleIf, others, locale, onChange }: { visibleIf: unknown; others: QuestionJson[]; locale: SurveyLocale; onChange: (expression: string | undefined) => void }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const expression = typeof visibleIf === 'string' ? visibleIf : ''
  const parsed = expression ? parseExpression(expression) : undefined
  const numeric = (name: string) => numericTypes.has(others.find((q) => q.name === name)?.type ?? '')
  const emit = (condition: Condition) => onChange(toExpression(condition, numeric(condition.question)))
  const enable = (on: boolean) => {
    const first = others[0]
    if (!on || !first) onChange(undefined)
    else emit({ question: first.name, operator: numeric(first.name) ? '<=' : '=', value: numeric(first.name) ? '6' : '' })
  }
  return (
    <Flex vertical gap={6}>
      <Checkbox checked={!!expression} disabled={!expression && others.length === 0} onChange={(e) => enable(e.target.checked)}>
        {t('logic.enable')}
      </Checkbox>
      {expression && !parsed && (
        <Input aria-label={t('logic.expression')} value={expression} onChange={(e) => onChange(e.target.value || undefined)} addonBefore={t('logic.expression')} />
      )}
      {parsed && (
        <Flex gap={6} wrap align="center">
          <Typography.Text>{t('logic.showWhen')}</Typography.Text>
          <Select<string>
            aria-label={t('logic.question')}
            style={{ minWidth: 160 }}
            value={parsed.question}
            options={others.map((q) => ({ value: q.name, label: `${q.name}${textIn(q.title, locale) ? ` · ${textIn(q.title, locale)}` : ''}` }))}
            onChange={(question) => emit({ ...parsed, question })}
          />
          <Select<ConditionOperator>
            aria-label={t('logic.operator')}
            style={{ width: 150 }}
            value={parsed.operator}
            options={conditionOperators.map((op) => ({ value: op, label: t(`logic.op.${op}`) }))}
            onChange={(operator) => emit({ ...parsed, operator })}
          />
          {!isUnary(parsed.operator) && (
            <Input aria-label={t('logic.value')} placeholder={t('logic.value')} style={{ width: 140 }} value={parsed.value} onChange={(e) => emit({ ...parsed, value: e.target.value })} />
          )}
          <Typography.Text type="secondary" code>
            {expression}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  )
}

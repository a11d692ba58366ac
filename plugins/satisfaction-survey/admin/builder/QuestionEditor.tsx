import { usePluginTranslation } from '@rapport/admin-kit'
import { Checkbox, Flex, Input, InputNumber, Radio, Select, Typography } from 'antd'
import { useId } from 'react'
import { ItemsEditor } from './ItemsEditor'
import { textIn, withText, type SurveyLocale } from './localized'
import { choiceQuestionTypes, presetOf, ratingPresets, scoreKinds, type QuestionJson, type ScoreKind } from './question-types'
import { ValidatorsEditor } from './ValidatorsEditor'
import { VisibleIfEditor } from './VisibleIfEditor'

const textInputTypes = ['text', 'number', 'email', 'date', 'tel', 'url']

/** `question` with `key` set, or removed when `value` is undefined. */
const withProp = (question: QuestionJson, key: string, value: unknown): QuestionJson => {
  const next: QuestionJson = { ...question, [key]: value }
  if (value === undefined) delete next[key]
  return next
}

type Props = {
  question: QuestionJson
  /** Questions before this one: what a show-if condition may refer to. */
  earlier: QuestionJson[]
  locales: readonly SurveyLocale[]
  scoreKind: ScoreKind | undefined
  onChange: (question: QuestionJson) => void
  onScoreKind: (kind: ScoreKind | undefined) => void
}

/** Every setting of one question: name, titles per locale, required, type-specific options, validators, show-if, score mark. */
export function QuestionEditor({ question, earlier, locales, scoreKind, onChange, onScoreKind }: Props) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const id = useId()
  const set = (key: string, value: unknown) => onChange(withProp(question, key, value))
  const preset = question.type === 'rating' ? presetOf(question) : undefined
  return (
    <Flex vertical gap={12}>
      <Flex vertical gap={4}>
        <label htmlFor={`${id}-name`}>{t('builder.name')}</label>
        <Input id={`${id}-name`} value={question.name} onChange={(e) => set('name', e.target.value)} />
        <Typography.Text type="secondary">{t('builder.nameHint')}</Typography.Text>
      </Flex>
      {locales.map((locale) => (
        <Flex vertical gap={4} key={locale}>
          <label htmlFor={`${id}-title-${locale}`}>{t('builder.titleIn', { locale: t(`locale.${locale}`) })}</label>
          <Input id={`${id}-title-${locale}`} value={textIn(question.title, locale)} onChange={(e) => set('title', withText(question.title, locale, e.target.value))} />
        </Flex>
      ))}
      <Checkbox checked={question.isRequired === true} onChange={(e) => set('isRequired', e.target.checked || undefined)}>
        {t('builder.required')}
      </Checkbox>
      {question.type === 'rating' && (
        <>
          <Flex vertical gap={4}>
            <Typography.Text strong id={`${id}-preset`}>
              {t('builder.scale')}
            </Typography.Text>
            <Radio.Group
              aria-labelledby={`${id}-preset`}
              value={preset ?? 'custom'}
              onChange={(e) => {
                const kind = e.target.value as ScoreKind | 'custom'
                if (kind !== 'custom') onChange({ ...question, ...ratingPresets[kind] })
              }}
              options={[...scoreKinds.map((kind) => ({ value: kind, label: t(`preset.${kind}`) })), { value: 'custom', label: t('preset.custom') }]}
            />
            <Flex gap={8} align="center">
              <label htmlFor={`${id}-min`}>{t('builder.rateMin')}</label>
              <InputNumber id={`${id}-min`} value={Number(question.rateMin ?? 1)} onChange={(n) => set('rateMin', n ?? undefined)} />
              <label htmlFor={`${id}-max`}>{t('builder.rateMax')}</label>
              <InputNumber id={`${id}-max`} value={Number(question.rateMax ?? 5)} onChange={(n) => set('rateMax', n ?? undefined)} />
            </Flex>
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor={`${id}-score`}>{t('builder.scoreMark')}</label>
            <Select<ScoreKind | 'none'>
              id={`${id}-score`}
              style={{ width: 260 }}
              value={scoreKind ?? 'none'}
              onChange={(kind) => onScoreKind(kind === 'none' ? undefined : kind)}
              options={[{ value: 'none', label: t('score.none') }, ...scoreKinds.map((kind) => ({ value: kind, label: t(`score.${kind}`) }))]}
            />
            {scoreKind && preset !== scoreKind && <Typography.Text type="warning">{t('builder.scoreScaleMismatch', { kind: t(`preset.${scoreKind}`) })}</Typography.Text>}
          </Flex>
        </>
      )}
      {choiceQuestionTypes.has(question.type) && <ItemsEditor label={t('builder.choices')} items={question.choices} locales={locales} onChange={(items) => set('choices', items)} />}
      {question.type === 'matrix' && (
        <>
          <ItemsEditor label={t('builder.rows')} items={question.rows} locales={locales} onChange={(items) => set('rows', items)} />
          <ItemsEditor label={t('builder.columns')} items={question.columns} locales={locales} onChange={(items) => set('columns', items)} />
        </>
      )}
      {question.type === 'text' && (
        <Flex vertical gap={4}>
          <label htmlFor={`${id}-input`}>{t('builder.inputType')}</label>
          <Select<string>
            id={`${id}-input`}
            style={{ width: 200 }}
            value={typeof question.inputType === 'string' ? question.inputType : 'text'}
            options={textInputTypes.map((type) => ({ value: type, label: t(`inputType.${type}`) }))}
            onChange={(type) => set('inputType', type === 'text' ? undefined : type)}
          />
        </Flex>
      )}
      {(question.type === 'text' || question.type === 'comment') && <ValidatorsEditor validators={question.validators} onChange={(v) => set('validators', v)} />}
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>
          <Typography.Text strong>{t('logic.title')}</Typography.Text>
        </legend>
        <VisibleIfEditor visibleIf={question.visibleIf} others={earlier} locale={locales[0] ?? 'en'} onChange={(expression) => set('visibleIf', expression)} />
      </fieldset>
    </Flex>
  )
}

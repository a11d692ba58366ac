import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, AutoComplete, Button, Card, Flex, InputNumber, Select, Typography } from 'antd'
import { useEffect, useId, useState } from 'react'
import { getLimits, type LimitsInput, type LimitsView, putLimits } from '../api/limits'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { useSurveyPermissions } from '../api/use-survey-permissions'
import type { Draft } from './draft'
import { textIn } from './localized'
import { questionsOf } from './survey-document'

type Quota = LimitsInput['quotas'] extends (infer Q)[] | undefined ? Q : never
const PROFILE_FIELDS = ['tiering.tier', 'tiering.ladder']

const inputOf = (v: LimitsView): Required<Pick<LimitsInput, 'maxResponses' | 'maxPerDay' | 'samplePercent'>> & { quotas: Quota[] } =>
  ({ maxResponses: v.maxResponses, maxPerDay: v.maxPerDay, samplePercent: v.samplePercent, quotas: v.quotas })

/**
 * The survey's response limits, saved on their own (not with the draft): caps in total and per day,
 * the share of customers invited, and quotas per answer or profile field, with the counts so far.
 */
export function LimitsSettings({ surveyId, draft }: { surveyId: string; draft: Draft }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const { message } = App.useApp()
  const errorText = useSurveyErrorText()
  const id = useId()
  const queryClient = useQueryClient()
  const readOnly = !useSurveyPermissions().edit
  const query = useQuery({ queryKey: ['satisfaction-survey', 'limits', surveyId], queryFn: ({ signal }) => getLimits(surveyId, signal) })
  const [form, setForm] = useState<ReturnType<typeof inputOf> | null>(null)
  useEffect(() => { if (query.data) setForm(inputOf(query.data)) }, [query.data])
  const save = useMutation({
    mutationFn: () => putLimits(surveyId, form!),
    onSuccess: (next) => { queryClient.setQueryData(['satisfaction-survey', 'limits', surveyId], next); void message.success(t('limits.saved')) },
  })
  if (query.isError) return <Alert type="error" showIcon role="alert" message={errorText(query.error)} />
  if (!form || !query.data) return <Card title={t('limits.title')} loading />
  const questions = questionsOf(draft.json).map((q) => ({ value: q.name, label: textIn(q.title, draft.defaultLocale) || q.name }))
  const setQuota = (i: number, patch: Partial<Quota>) => setForm({ ...form, quotas: form.quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)) })
  const number = (key: 'maxResponses' | 'maxPerDay' | 'samplePercent', max: number) => (
    <Flex vertical gap={4}>
      <label htmlFor={`${id}-${key}`}>{t(`limits.${key}`)}</label>
      <InputNumber id={`${id}-${key}`} disabled={readOnly} min={1} max={max} precision={0} placeholder={t('limits.none')} value={form[key]} style={{ width: 200 }}
        onChange={(n) => setForm({ ...form, [key]: typeof n === 'number' ? n : null })} />
    </Flex>
  )
  const counts = query.data.counts
  return (
    <Card title={t('limits.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('limits.hint')}</Typography.Text>
        <Flex gap={16} wrap>{number('maxResponses', 10_000_000)}{number('maxPerDay', 1_000_000)}{number('samplePercent', 100)}</Flex>
        <Typography.Text>{t('limits.counts', { total: counts.total, today: counts.today })}</Typography.Text>
        <Typography.Text strong>{t('limits.quotas')}</Typography.Text>
        <Typography.Text type="secondary">{t('limits.quotasHint')}</Typography.Text>
        {form.quotas.map((q, i) => (
          <Flex key={i} gap={8} wrap align="center">
            <Select<Quota['source']> aria-label={t('limits.quotaSource', { n: i + 1 })} disabled={readOnly} style={{ width: 200 }} value={q.source}
              onChange={(source) => setQuota(i, { source, key: '' })}
              options={[{ value: 'answer', label: t('limits.sourceAnswer') }, { value: 'profile', label: t('limits.sourceProfile') }]} />
            {q.source === 'answer'
              ? <Select aria-label={t('limits.quotaKey', { n: i + 1 })} disabled={readOnly} style={{ width: 240 }} value={q.key || undefined} placeholder={t('limits.chooseQuestion')} options={questions} onChange={(key: string) => setQuota(i, { key })} />
              : <AutoComplete aria-label={t('limits.quotaKey', { n: i + 1 })} disabled={readOnly} style={{ width: 240 }} value={q.key} placeholder={t('limits.chooseField')}
                  options={PROFILE_FIELDS.map((f) => ({ value: f, label: t(`limits.field.${f.replace('.', '_')}`) }))} onChange={(key: string) => setQuota(i, { key })} />}
            <Typography.Text>{t('limits.atMost')}</Typography.Text>
            <InputNumber aria-label={t('limits.quotaMax', { n: i + 1 })} disabled={readOnly} min={1} max={1_000_000} precision={0} value={q.max} style={{ width: 110 }} onChange={(n) => setQuota(i, { max: n ?? 1 })} />
            <Typography.Text>{t('limits.perValue')}</Typography.Text>
            {!readOnly && <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('limits.removeQuota', { n: i + 1 })} onClick={() => setForm({ ...form, quotas: form.quotas.filter((_, j) => j !== i) })} />}
          </Flex>
        ))}
        {counts.quotas.length > 0 && (
          <ul aria-label={t('limits.quotaCounts')} style={{ margin: 0, paddingInlineStart: 20 }}>
            {counts.quotas.map((c) => <li key={`${c.key}=${c.value}`}>{t('limits.quotaCount', { field: questions.find((q) => q.value === c.key)?.label ?? c.key, value: c.value, count: c.count, max: c.max })}</li>)}
          </ul>
        )}
        {!readOnly && (
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined />} disabled={form.quotas.length >= 10} onClick={() => setForm({ ...form, quotas: [...form.quotas, { source: 'answer', key: '', max: 50 }] })}>{t('limits.addQuota')}</Button>
            <Button type="primary" loading={save.isPending} disabled={JSON.stringify(form) === JSON.stringify(inputOf(query.data)) || form.quotas.some((q) => !q.key)} onClick={() => save.mutate()}>{t('limits.save')}</Button>
          </Flex>
        )}
        {save.isError && <Alert type="error" showIcon role="alert" message={errorText(save.error)} />}
      </Flex>
    </Card>
  )
}

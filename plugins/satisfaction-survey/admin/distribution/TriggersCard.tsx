import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Flex, InputNumber, Select, Typography } from 'antd'
import { useState } from 'react'
import { updateSurvey, type Survey, type SurveyTrigger } from '../api/surveys'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { eventKey } from '../pages/paths'
import { useSurveyPermissions } from '../api/use-survey-permissions'

const events: SurveyTrigger['on'][] = ['order.completed', 'complaint.resolved']

/** Invitations created by events: N days after an order is completed, or when a complaint is resolved (changed by roles that may edit the survey). */
export function TriggersCard({ survey }: { survey: Survey }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const { message } = App.useApp()
  const errorText = useSurveyErrorText()
  const queryClient = useQueryClient()
  const [triggers, setTriggers] = useState<SurveyTrigger[]>(survey.triggers)
  const readOnly = !useSurveyPermissions().edit
  const save = useMutation({
    mutationFn: () => updateSurvey(survey.id, { triggers }),
    onSuccess: (next) => {
      queryClient.setQueryData(['satisfaction-survey', 'survey', survey.id], next)
      setTriggers(next.triggers)
      void message.success(t('distribution.saved'))
    },
  })
  const set = (index: number, patch: Partial<SurveyTrigger>) => setTriggers(triggers.map((tr, i) => (i === index ? { ...tr, ...patch } : tr)))
  return (
    <Card title={t('distribution.triggers')}>
      <Flex vertical gap={10}>
        <Typography.Text type="secondary">{t('distribution.triggersHint')}</Typography.Text>
        {triggers.map((trigger, i) => (
          <Flex key={i} gap={8} wrap align="center">
            <Typography.Text>{t('distribution.when')}</Typography.Text>
            <Select<SurveyTrigger['on']>
              aria-label={t('distribution.triggerEvent', { n: i + 1 })}
              style={{ width: 220 }}
              disabled={readOnly}
              value={trigger.on}
              onChange={(on) => set(i, { on })}
              options={events.map((on) => ({ value: on, label: t(`trigger.${eventKey(on)}`) }))}
            />
            <Typography.Text>{t('distribution.after')}</Typography.Text>
            <InputNumber aria-label={t('distribution.delayDays', { n: i + 1 })} disabled={readOnly} min={0} max={365} value={trigger.delayDays} onChange={(n) => set(i, { delayDays: n ?? 0 })} style={{ width: 90 }} />
            <Typography.Text>{t('distribution.days')}</Typography.Text>
            {!readOnly && <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('distribution.removeTrigger', { n: i + 1 })} onClick={() => setTriggers(triggers.filter((_, j) => j !== i))} />}
          </Flex>
        ))}
        {!readOnly && <Flex gap={8}>
          <Button icon={<PlusOutlined />} disabled={triggers.length >= 10} onClick={() => setTriggers([...triggers, { on: 'order.completed', delayDays: 3 }])}>
            {t('distribution.addTrigger')}
          </Button>
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={JSON.stringify(triggers) === JSON.stringify(survey.triggers)}>
            {t('distribution.saveTriggers')}
          </Button>
        </Flex>}
        {save.isError && <Alert type="error" showIcon role="alert" message={errorText(save.error)} />}
      </Flex>
    </Card>
  )
}

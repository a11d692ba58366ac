import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Flex, Form, Switch, Typography } from 'antd'
import { CriterionFields } from './CriterionFields'
import { LADDER_STEPS, type FormCondition, type LadderStepKey } from './config-form'

const NEW_CRITERION = { field: '', op: 'gte', valueText: '', missing: 'fails' } as const

/** One step's conditions: criteria and "any of" groups, each removable, with buttons to add more. */
function StepConditions({ step }: { step: LadderStepKey }) {
  const { t } = usePluginTranslation('tiering')
  const form = Form.useFormInstance()
  return (
    <Form.List name={['ladder', step, 'conditions']}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => {
            const label = `${t(`ladder.${step}`)} · ${t('settings.conditionN', { n: field.name + 1 })}`
            // Read from the store, not a watch: a watch is empty on the first render and would draw a group as a criterion.
            const condition = form.getFieldValue(['ladder', step, 'conditions', field.name]) as FormCondition | undefined
            const group = condition !== undefined && 'anyOf' in condition
            if (!group) return <CriterionFields key={field.key} name={[field.name]} label={label} onRemove={() => remove(field.name)} />
            return (
              <Card key={field.key} size="small" title={`${label} · ${t('settings.anyOf')}`} extra={<Button size="small" onClick={() => remove(field.name)} aria-label={`${t('settings.remove')}: ${label}`}>{t('settings.remove')}</Button>}>
                <Form.List name={[field.name, 'anyOf']}>
                  {(members, inGroup) => (
                    <Flex vertical gap={4}>
                      {members.map((member) => (
                        <CriterionFields key={member.key} name={[member.name]} label={`${label} · ${member.name + 1}`} onRemove={() => inGroup.remove(member.name)} />
                      ))}
                      <Button type="dashed" onClick={() => inGroup.add({ ...NEW_CRITERION })}>{t('settings.addToGroup')}</Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            )
          })}
          <Flex gap={8}>
            <Button type="dashed" onClick={() => add({ ...NEW_CRITERION })}>{t('settings.addCriterion')}</Button>
            <Button type="dashed" onClick={() => add({ anyOf: [{ ...NEW_CRITERION }] })}>{t('settings.addGroup')}</Button>
          </Flex>
        </Flex>
      )}
    </Form.List>
  )
}

/** The ladder criteria of every step above 潜在 prospect; a step may be switched off (never reached automatically). */
export function LadderSettings() {
  const { t } = usePluginTranslation('tiering')
  const ladder = Form.useWatch('ladder') as Record<LadderStepKey, { automatic: boolean }> | undefined
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">{t('settings.ladderIntro')}</Typography.Paragraph>
      {LADDER_STEPS.map((step) => (
        <Card key={step} size="small" type="inner" title={t(`ladder.${step}`)}
          extra={<Form.Item name={['ladder', step, 'automatic']} valuePropName="checked" noStyle><Switch aria-label={`${t(`ladder.${step}`)}: ${t('settings.automatic')}`} checkedChildren={t('settings.automatic')} /></Form.Item>}>
          {ladder?.[step]?.automatic !== false && <StepConditions step={step} />}
        </Card>
      ))}
    </Flex>
  )
}

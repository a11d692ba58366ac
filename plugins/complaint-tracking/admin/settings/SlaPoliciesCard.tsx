import { StaffSelect, usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Checkbox, Flex, Form, InputNumber, Select, Typography } from 'antd'
import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { useState } from 'react'
import { priorities } from '../../shared/vocabulary'
import type { ComplaintsConfig } from '../api'
import { useComplaintLabels } from '../components/use-complaint-labels'
import { DurationInput } from './DurationInput'
import type { useSaveConfig } from './use-save-config'

type Policy = ComplaintsConfig['sla']['policies'][number]
type Action = Policy['escalation']['warning'][number]
type Props = { stored: ComplaintsConfig; saver: ReturnType<typeof useSaveConfig> }
const tiers = ['diamond', 'silver', 'bronze', 'iron'] as const
const targets = ['firstResponseMinutes', 'nextUpdateMinutes', 'resolutionMinutes'] as const
const targetLabel = { firstResponseMinutes: 'firstResponse', nextUpdateMinutes: 'nextUpdate', resolutionMinutes: 'resolution' } as const

/** A new policy's id: the first free `policy-N`. */
const freeId = (policies: Policy[]) => {
  let n = policies.length + 1
  while (policies.some((p) => p.id === `policy-${n}`)) n += 1
  return `policy-${n}`
}

/** The SLA policies in matching order: what each takes, its calendar, targets, warning share and escalations. */
export function SlaPoliciesCard({ stored, saver }: Props) {
  const { t } = usePluginTranslation('complaint-tracking')
  const labels = useComplaintLabels()
  const [policies, setPolicies] = useState<Policy[]>(() => structuredClone(stored.sla.policies))
  const update = (i: number, patch: Partial<Policy>) => setPolicies((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  const move = (i: number, by: -1 | 1) => setPolicies((all) => {
    const next = [...all]
    ;[next[i], next[i + by]] = [next[i + by]!, next[i]!]
    return next
  })
  const errorOf = (path: string) => saver.issuesAt(path).map((i) => saver.messageOf(i.message)).join(' ') || undefined
  const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? [...values] : undefined)
  const calendarName = (id: string) => (id === 'default' ? t('settingsForm.hours.defaultCalendar') : id)
  const policyName = (p: Policy, i: number) => (['urgent', 'vip', 'standard'].includes(p.id) ? labels.policy(p.id) : t('settingsForm.policies.policy', { n: i + 1 }))
  const actions = (i: number, when: 'warning' | 'breached') => {
    const current = policies[i]!.escalation[when]
    const has = (type: Action['type']) => current.some((a) => a.type === type)
    const reassign = current.find((a): a is Extract<Action, { type: 'reassign' }> => a.type === 'reassign')
    const set = (next: Action[]) => update(i, { escalation: { ...policies[i]!.escalation, [when]: next } })
    const toggle = (type: 'notify' | 'raisePriority', on: boolean) => set(on ? [...current, { type }] : current.filter((a) => a.type !== type))
    return (
      <Flex vertical gap={4}>
        <Checkbox checked={has('notify')} onChange={(e) => toggle('notify', e.target.checked)}>{t('settingsForm.policies.notify')}</Checkbox>
        <Checkbox checked={has('raisePriority')} onChange={(e) => toggle('raisePriority', e.target.checked)}>{t('settingsForm.policies.raisePriority')}</Checkbox>
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('settingsForm.policies.reassign')}</Typography.Text>
          <StaffSelect allowClear value={reassign?.assigneeId} ariaLabel={`${t(when === 'warning' ? 'settingsForm.policies.onWarning' : 'settingsForm.policies.onBreach')}: ${t('settingsForm.policies.reassign')}`}
            onChange={(id) => set([...current.filter((a) => a.type !== 'reassign'), ...(id ? [{ type: 'reassign' as const, assigneeId: id }] : [])])} />
        </Flex>
      </Flex>
    )
  }
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('settingsForm.policies.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        {policies.map((p, i) => {
          const at = `sla.policies.${i}`
          return (
            <Card key={p.id} size="small" title={`${i + 1}. ${policyName(p, i)}`} extra={
              <Flex gap={4}>
                <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('settingsForm.policies.up')} title={t('settingsForm.policies.up')} />
                <Button type="text" icon={<ArrowDownOutlined />} disabled={i === policies.length - 1} onClick={() => move(i, 1)} aria-label={t('settingsForm.policies.down')} title={t('settingsForm.policies.down')} />
                <Button type="text" danger icon={<DeleteOutlined />} disabled={policies.length === 1} onClick={() => setPolicies(policies.filter((_, j) => j !== i))}
                  aria-label={t('settingsForm.policies.remove')} title={t('settingsForm.policies.remove')} />
              </Flex>
            }>
              <Form layout="vertical" component="div">
                <Flex gap={16} wrap>
                  <Form.Item label={t('settingsForm.policies.categories')} htmlFor={`pol-${i}-cat`} style={{ flex: '1 1 240px' }} validateStatus={errorOf(`${at}.categories`) ? 'error' : undefined} help={errorOf(`${at}.categories`)}>
                    <Select id={`pol-${i}-cat`} mode="multiple" allowClear placeholder={t('settingsForm.policies.any')} value={p.categories ?? []}
                      onChange={(v) => update(i, { categories: list(v) })} options={stored.categories.map((c) => ({ value: c.id, label: labels.category(c.id, c.label) }))}
                      showSearch={{ optionFilterProp: 'label' }} />
                  </Form.Item>
                  <Form.Item label={t('settingsForm.policies.priorities')} htmlFor={`pol-${i}-pri`} style={{ flex: '1 1 200px' }}>
                    <Select id={`pol-${i}-pri`} mode="multiple" allowClear placeholder={t('settingsForm.policies.any')} value={p.priorities ?? []}
                      onChange={(v) => update(i, { priorities: list(v) as Policy['priorities'] })} options={priorities.map((v) => ({ value: v, label: t(`priority.${v}`) }))} />
                  </Form.Item>
                  <Form.Item label={t('settingsForm.policies.tiers')} htmlFor={`pol-${i}-tier`} style={{ flex: '1 1 200px' }}>
                    <Select id={`pol-${i}-tier`} mode="multiple" allowClear placeholder={t('settingsForm.policies.any')} value={p.tiers ?? []}
                      onChange={(v) => update(i, { tiers: list(v) as Policy['tiers'] })} options={tiers.map((v) => ({ value: v, label: t(`settingsForm.policies.tier.${v}`) }))} />
                  </Form.Item>
                  <Form.Item label={t('settingsForm.policies.calendar')} htmlFor={`pol-${i}-cal`} style={{ flex: '0 1 200px' }} validateStatus={errorOf(`${at}.calendar`) ? 'error' : undefined} help={errorOf(`${at}.calendar`)}>
                    <Select id={`pol-${i}-cal`} value={p.calendar} onChange={(calendar) => update(i, { calendar })} options={stored.sla.calendars.map((c) => ({ value: c.id, label: calendarName(c.id) }))} />
                  </Form.Item>
                </Flex>
                <Flex gap={16} wrap>
                  {targets.map((k) => (
                    <Form.Item key={k} label={t(`settingsForm.policies.${targetLabel[k]}`)} htmlFor={`pol-${i}-${k}`} validateStatus={errorOf(`${at}.${k}`) ? 'error' : undefined} help={errorOf(`${at}.${k}`)}>
                      <DurationInput id={`pol-${i}-${k}`} value={p[k]} onChange={(v) => update(i, { [k]: v })} status={errorOf(`${at}.${k}`) ? 'error' : undefined} />
                    </Form.Item>
                  ))}
                  <Form.Item label={t('settingsForm.policies.warning')} htmlFor={`pol-${i}-warn`} tooltip={t('settingsForm.policies.warningHelp')}
                    validateStatus={errorOf(`${at}.warningPercent`) ? 'error' : undefined} help={errorOf(`${at}.warningPercent`)}>
                    <InputNumber id={`pol-${i}-warn`} value={p.warningPercent} min={1} max={99} precision={0} suffix="%" style={{ width: 110 }}
                      onChange={(v) => typeof v === 'number' && update(i, { warningPercent: v })} />
                  </Form.Item>
                </Flex>
                <Flex gap={32} wrap>
                  <Form.Item label={t('settingsForm.policies.onWarning')}>{actions(i, 'warning')}</Form.Item>
                  <Form.Item label={t('settingsForm.policies.onBreach')}>{actions(i, 'breached')}</Form.Item>
                </Flex>
              </Form>
            </Card>
          )
        })}
      </Flex>
      {saver.issuesAt('sla.policies').filter((i) => i.path === 'sla.policies').map((i) => <Typography.Paragraph key={i.message} type="danger" role="alert">{saver.messageOf(i.message)}</Typography.Paragraph>)}
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button type="primary" loading={saver.saving} onClick={() => saver.save({ ...stored, sla: { ...stored.sla, policies } })}>{t('settingsForm.save')}</Button>
        <Button icon={<PlusOutlined />} onClick={() => setPolicies([...policies, {
          id: freeId(policies), calendar: stored.sla.calendars[0]!.id, firstResponseMinutes: 240, nextUpdateMinutes: 1_440, resolutionMinutes: 2_880, warningPercent: 80,
          escalation: { warning: [{ type: 'notify' }], breached: [{ type: 'notify' }] },
        }])}>{t('settingsForm.policies.add')}</Button>
      </Flex>
    </Card>
  )
}

import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Button, Card, Flex, Segmented, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PluginProfileField } from '../../api/types'
import { ConditionRow } from './ConditionRow'
import { conditionOn, groupOn, type Draft, type DraftGroup } from './segment-draft'

type Props = {
  draft: Draft
  fieldsByPlugin: ReadonlyArray<{ plugin: string; fields: readonly PluginProfileField[] }>
  onChange(draft: Draft): void
}

/** All / any, as a labelled two-way switch. */
function MatchSwitch({ value, onChange, label }: { value: 'all' | 'any'; onChange(v: 'all' | 'any'): void; label: string }) {
  const { t } = useTranslation()
  return (
    <Flex align="center" gap={8} wrap>
      <Typography.Text>{label}</Typography.Text>
      <Segmented<'all' | 'any'> aria-label={label} value={value} onChange={onChange}
        options={[{ value: 'all', label: t('segments.matchAll') }, { value: 'any', label: t('segments.matchAny') }]} />
    </Flex>
  )
}

/**
 * Groups of conditions on any profile field: conditions in a group joined by all (AND) or any
 * (OR), and the groups joined the same way.
 */
export function SegmentBuilder({ draft, fieldsByPlugin, onChange }: Props) {
  const { t } = useTranslation()
  const first = fieldsByPlugin[0]?.fields[0]
  const setGroup = (index: number, next: DraftGroup) => onChange({ ...draft, groups: draft.groups.map((g, i) => (i === index ? next : g)) })
  const removeGroup = (index: number) => onChange({ ...draft, groups: draft.groups.filter((_, i) => i !== index) })
  return (
    <Flex vertical gap={12} role="group" aria-label={t('segments.builder')}>
      {draft.groups.length > 1 && <MatchSwitch label={t('segments.groupsMatch')} value={draft.match} onChange={(match) => onChange({ ...draft, match })} />}
      {draft.groups.map((group, index) => (
        <Card
          key={group.key}
          size="small"
          role="group"
          aria-label={t('segments.groupN', { n: index + 1 })}
          title={<MatchSwitch label={t('segments.groupN', { n: index + 1 })} value={group.match} onChange={(match) => setGroup(index, { ...group, match })} />}
          extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('segments.removeGroup', { n: index + 1 })} onClick={() => removeGroup(index)} />}
        >
          <Flex vertical gap={8}>
            {group.conditions.map((condition, ci) => (
              <ConditionRow
                key={condition.key}
                condition={condition}
                fieldsByPlugin={fieldsByPlugin}
                onChange={(next) => setGroup(index, { ...group, conditions: group.conditions.map((c, i) => (i === ci ? next : c)) })}
                onRemove={() => {
                  const conditions = group.conditions.filter((_, i) => i !== ci)
                  if (conditions.length === 0) removeGroup(index)
                  else setGroup(index, { ...group, conditions })
                }}
              />
            ))}
            <div>
              <Button size="small" icon={<PlusOutlined />} disabled={!first} onClick={() => first && setGroup(index, { ...group, conditions: [...group.conditions, conditionOn(first)] })}>
                {t('segments.addCondition')}
              </Button>
            </div>
          </Flex>
        </Card>
      ))}
      <div>
        <Button icon={<PlusOutlined />} disabled={!first} onClick={() => first && onChange({ ...draft, groups: [...draft.groups, groupOn(first)] })}>
          {t('segments.addGroup')}
        </Button>
      </div>
    </Flex>
  )
}

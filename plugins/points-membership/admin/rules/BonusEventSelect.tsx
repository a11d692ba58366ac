import { usePluginTranslation } from '@rapport/admin-kit'
import { Select } from 'antd'

/**
 * Events of other plugins that may earn a fixed bonus, by what they mean (the server refuses
 * points.* and order.* events: those are earned by the rules themselves).
 */
export const BONUS_EVENTS = [
  'survey.response.completed', 'complaint.resolved', 'customer.updated', 'tier.changed', 'ladder.changed', 'churn.winback.offered',
] as const

type Props = { id?: string; value?: string; onChange?: (value: string) => void }

/** Picks the event of a bonus by its name; a stored type outside the list is kept and shown as it is. */
export function BonusEventSelect({ id, value, onChange }: Props) {
  const { t } = usePluginTranslation('points-membership')
  const known: readonly string[] = BONUS_EVENTS
  const options = [...known, ...(value && !known.includes(value) ? [value] : [])]
    .map((type) => ({ value: type, label: known.includes(type) ? t(`rulesEvents.${type.replaceAll('.', '_')}`) : type }))
  return <Select id={id} value={value || undefined} onChange={onChange} options={options} style={{ width: 240 }} showSearch={{ optionFilterProp: 'label' }} />
}

/** Labels of {@link BONUS_EVENTS} (keys with _ for .), namespace key `rulesEvents`. */
export const bonusEventMessages = {
  en: {
    survey_response_completed: 'Survey answered', complaint_resolved: 'Complaint resolved', customer_updated: 'Customer details updated',
    tier_changed: 'Tier changed', ladder_changed: 'Ladder step changed', churn_winback_offered: 'Win-back offer made',
  },
  'zh-CN': {
    survey_response_completed: '完成问卷', complaint_resolved: '投诉已解决', customer_updated: '客户资料更新',
    tier_changed: '等级变化', ladder_changed: '升级阶梯变化', churn_winback_offered: '发出挽回优惠',
  },
}

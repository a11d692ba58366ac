import { Select, type SelectProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { TEAM_PREFIX, useStaff } from './staff'

type Props = {
  value?: string | null | undefined
  onChange?: (value: string | undefined) => void
  id?: string
  ariaLabel?: string
  allowClear?: boolean
  placeholder?: string
  /** Team names offered beside the people (stored as `team:<name>`). */
  teams?: readonly string[]
  style?: React.CSSProperties
}

/**
 * Picks a colleague by name (active accounts only) or a team; the value is the user id or
 * `team:<name>`, which the server checks again (a disabled or unknown id is refused there).
 * @example <StaffSelect value={assignee} onChange={setAssignee} teams={['售后']} />
 */
export function StaffSelect({ value, onChange, id, ariaLabel, allowClear, placeholder, teams = [], style }: Props) {
  const { t } = useTranslation()
  const { staff, isPending } = useStaff()
  const people = (staff ?? []).filter((m) => m.active).map((m) => ({ value: m.id, label: m.name }))
  const teamOptions = teams.map((name) => ({ value: `${TEAM_PREFIX}${name}`, label: t('staff.team', { name }) }))
  const options: SelectProps['options'] = teamOptions.length > 0
    ? [{ label: t('staff.people'), title: t('staff.people'), options: people }, { label: t('staff.teams'), title: t('staff.teams'), options: teamOptions }]
    : people
  return (
    <Select<string> id={id} aria-label={ariaLabel} value={value ?? undefined} onChange={(v) => onChange?.(v ?? undefined)} options={options}
      loading={isPending} allowClear={allowClear} placeholder={placeholder ?? t('staff.pick')} showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 200, ...style }} />
  )
}

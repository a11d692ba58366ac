import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { CustomerName } from '../components/CustomerName'
import { parsePersonRef, useStaff } from './staff'

/**
 * A stored person reference as people read it: a colleague's name (marked when the account is
 * disabled), a team, an API key, the customer, or the system; never the id. While the directory
 * loads it shows an ellipsis.
 * @param value an assignee (`usr_…`, `team:<name>`) or a history actor (`user:usr_…`, `apiKey:…`, `customer:…`, `system`); null: unassigned
 * @example <StaffName value={kase.assigneeId} />
 */
export function StaffName({ value, emptyText }: { value: string | null | undefined; emptyText?: string }) {
  const { t } = useTranslation()
  const { nameOf, isPending } = useStaff()
  if (!value) return <span style={{ whiteSpace: 'nowrap' }}>{emptyText ?? t('staff.unassigned')}</span>
  const ref = parsePersonRef(value)
  switch (ref.kind) {
    case 'team':
      return <span>{t('staff.team', { name: ref.name })}</span>
    case 'customer':
      return <CustomerName id={ref.id} />
    case 'apiKey':
      return <span>{t('staff.apiKey')}</span>
    case 'system':
      return <span>{t('staff.system')}</span>
    default: {
      if (isPending) return <span aria-busy="true">…</span>
      const member = nameOf(ref.id)
      if (!member) return <span>{t('staff.removedUser')}</span>
      return (
        <span>
          {member.name}
          {!member.active && <Typography.Text type="secondary"> ({t('staff.disabled')})</Typography.Text>}
        </span>
      )
    }
  }
}

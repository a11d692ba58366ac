import { usePluginTranslation } from '@rapport/admin-kit'
import { Tag } from 'antd'
import type { MemberStatus } from '../api'

const colors: Record<MemberStatus, string> = { active: 'green', suspended: 'orange', closed: 'default' }

/** A member's status as a coloured tag. */
export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = usePluginTranslation('points-membership')
  return <Tag color={colors[status]}>{t(`status.${status}`)}</Tag>
}

import { Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { canSee } from '../navigation/registry'
import { useSession } from './session-query'

/** Renders `children` only for users whose role is in `roles` (everyone when omitted). */
export function RoleGate({ roles, children }: { roles?: readonly string[] | undefined; children: ReactNode }) {
  const { t } = useTranslation()
  const { data: user } = useSession()
  if (!canSee(roles ? { roles } : {}, user?.role)) return <Result status="403" title={t('errors.AUTH_FORBIDDEN')} />
  return children
}

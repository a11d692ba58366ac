import { PageLoading, useCan } from '@rapport/admin-kit'
import { Flex, Spin } from 'antd'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerDetail } from '../../api/types'
import { installedPluginAdmins } from '../../plugins/installed-plugin-admins'
import { useActivePlugins } from '../../plugins/use-active-plugins'
import { EraseCustomerButton } from './EraseCustomerButton'
import { ExportCustomerButton } from './ExportCustomerButton'

/**
 * The buttons on a customer: each enabled plugin's actions (sending a survey link, adjusting
 * points, opening a complaint…), then export and erase for the roles the server lets call them.
 * Nothing for an erased customer but the export.
 */
export function CustomerActions({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation()
  const active = useActivePlugins()
  const can = useCan()
  const actions = customer.erasedAt || !active
    ? []
    : installedPluginAdmins.filter((admin) => active.has(admin.plugin)).flatMap((admin) =>
      Object.entries(admin.customerActions ?? {}).map(([id, Action]) => ({ key: `${admin.plugin}/${id}`, Action })))
  if (!active) return <span role="status" aria-label={t('app.loading')}><Spin size="small" /></span>
  return (
    <Flex gap={8} wrap role="toolbar" aria-label={t('customer.actions')}>
      {actions.map(({ key, Action }) => (
        <Suspense key={key} fallback={<PageLoading />}>
          <span data-customer-action={key}><Action customerId={customer.id} /></span>
        </Suspense>
      ))}
      {can('GET', '/api/v1/customers/{id}/export') && <ExportCustomerButton customer={customer} />}
      {can('POST', '/api/v1/customers/{id}/erase') && !customer.erasedAt && <EraseCustomerButton customer={customer} />}
    </Flex>
  )
}

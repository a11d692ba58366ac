import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CustomerName as Name } from '../api/customer-name-loader'
import { useCustomerNames } from '../hooks/use-customer-names'

/** What to call a customer: the name, else the external id, else the id itself. */
export const customerLabel = (id: string, name: Name | undefined, erasedText: string): string =>
  name?.erased ? erasedText : (name?.name ?? name?.externalId ?? id)

/**
 * A customer's name, linked to the customer page, for pages that only hold the id. Shows the id
 * while the name loads or when core has no such customer; the external id and the id are in the
 * title. Names on one render are fetched in one request.
 * @param link false for plain text (inside a button or a link of the page's own)
 * @example { title: t('list.customer'), dataIndex: 'customerId', render: (id: string) => <CustomerName id={id} /> }
 */
export function CustomerName({ id, link = true }: { id: string; link?: boolean }) {
  const { t } = useTranslation()
  const name = useCustomerNames([id])(id)
  const label = customerLabel(id, name, t('customer.erasedCustomer'))
  const title = name?.externalId ? `${name.externalId} · ${id}` : id
  if (!link) return <span title={title} data-customer-id={id}>{label}</span>
  return <Link to={`/customers/${encodeURIComponent(id)}`} title={title} data-customer-id={id}>{label}</Link>
}

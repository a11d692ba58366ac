import { Tag, Typography } from 'antd'
import type { ListColumn } from '@rapport/admin-kit'
import type { SortOrder } from 'antd/es/table/interface'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import type { Customer, CustomerSort } from '../../api/types'
import type { CustomerPageState } from './list-return'

/** Path of a customer's page. */
export const customerPath = (id: string): string => `/customers/${encodeURIComponent(id)}`

/** The column keys that sort on the server. */
export type SortableColumn = 'name' | 'createdAt'

/** antd's sort order of `column` under the list's `sort`. */
export const sortOrderOf = (column: SortableColumn, sort: CustomerSort | undefined): SortOrder =>
  sort === column ? 'ascend' : sort === `-${column}` ? 'descend' : null

/** The list's `sort` for antd's sort order of `column`. */
export const sortOf = (column: SortableColumn, order: SortOrder | undefined): CustomerSort | undefined =>
  order === 'ascend' ? column : order === 'descend' ? `-${column}` : undefined

/** Columns of the customers table: name, external id, email, locale, created. */
export const customerColumns = ({
  t,
  sort,
  dateTime,
  linkState,
}: {
  t: TFunction
  sort: CustomerSort | undefined
  dateTime: (iso: string) => string
  /** Navigation state passed to the customer page (how to come back). */
  linkState: CustomerPageState
}): ListColumn<Customer>[] => [
  {
    key: 'name',
    dataIndex: 'name',
    title: t('customers.columns.name'),
    sorter: true,
    sortOrder: sortOrderOf('name', sort),
    sortDirections: ['ascend', 'descend'],
    hideable: false,
    exportValue: (customer) => customer.name ?? t('customer.unnamed'),
    render: (_: unknown, customer: Customer) => (
      <>
        <Link to={customerPath(customer.id)} state={linkState} onClick={(e) => e.stopPropagation()}>
          {customer.name ?? <Typography.Text italic type="secondary">{t('customer.unnamed')}</Typography.Text>}
        </Link>
        {customer.erasedAt && (
          <Tag color="red" style={{ marginInlineStart: 8 }}>
            {t('customer.erased')}
          </Tag>
        )}
      </>
    ),
  },
  { key: 'externalId', dataIndex: 'externalId', title: t('customers.columns.externalId') },
  { key: 'email', dataIndex: 'email', title: t('customers.columns.email'), render: (email: string | null) => email ?? t('common.none') },
  {
    key: 'locale',
    dataIndex: 'locale',
    title: t('customers.columns.locale'),
    // A language the admin knows reads as its name; any other tag as given.
    render: (locale: string | null) => (locale ? t(`customers.locales.${locale}` as 'customers.locales.en', { defaultValue: locale }) : t('common.none')),
    exportValue: (customer) => (customer.locale ? t(`customers.locales.${customer.locale}` as 'customers.locales.en', { defaultValue: customer.locale }) : ''),
  },
  {
    key: 'createdAt',
    dataIndex: 'createdAt',
    title: t('customers.columns.createdAt'),
    sorter: true,
    sortOrder: sortOrderOf('createdAt', sort),
    sortDirections: ['ascend', 'descend'],
    render: (createdAt: string) => dateTime(createdAt),
    exportValue: (customer) => dateTime(customer.createdAt),
  },
]

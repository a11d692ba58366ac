import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Alert, Card, Input, Table, Typography } from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { listCustomers } from '../../api/customers'
import type { Customer } from '../../api/types'
import { errorMessage, fetchAllPages, ListToolbar, useDebouncedValue, useFormatters, useListKit } from '@rapport/admin-kit'
import { CursorPager } from './CursorPager'
import { customerColumns, customerPath, sortOf, type SortableColumn } from './customer-columns'
import type { CustomerSort } from '../../api/types'
import { useCustomerListState } from './use-customer-list-state'

/** `/admin/customers`: searchable, sortable, cursor-paginated list of customers. */
export default function CustomersPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { dateTime, timeZone } = useFormatters()
  const list = useCustomerListState()
  const [searchText, setSearchText] = useState(list.q)
  const debouncedSearch = useDebouncedValue(searchText.trim(), 300)

  // Only a change of the typed text searches; a URL change (back button) must not be undone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: list.q and list.setQuery are deliberately left out (see above)
  useEffect(() => {
    if (debouncedSearch !== list.q) list.setQuery(debouncedSearch)
  }, [debouncedSearch])

  const query = { q: list.q || undefined, sort: list.sort, cursor: list.cursor }
  const customers = useQuery({
    queryKey: ['customers', 'list', query],
    queryFn: ({ signal }) => listCustomers(query, signal),
    placeholderData: keepPreviousData,
  })

  const columns = customerColumns({ t, sort: list.sort, dateTime, linkState: list.returnState })
  const kit = useListKit<Customer, { q?: string; sort?: CustomerSort }>({
    id: 'customers',
    columns,
    filters: { q: list.q || undefined, sort: list.sort },
    onApplyFilters: (saved) => {
      setSearchText(saved.q ?? '')
      list.setFilters(saved.q ?? '', saved.sort)
    },
  })
  // The whole filtered list, not only the page on screen.
  const exportRows = () => fetchAllPages((cursor) => listCustomers({ q: list.q || undefined, sort: list.sort, cursor, limit: 200 }))

  const onSort = (sorter: SorterResult<Customer> | SorterResult<Customer>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter
    const column = one?.columnKey as SortableColumn | undefined
    list.setSort(column ? sortOf(column, one?.order) : undefined)
  }

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('customers.title')}
      </Typography.Title>
      <ListToolbar kit={kit} exportName={t('customers.title')} rows={exportRows} onReload={() => void customers.refetch()}>
        <Input.Search
          aria-label={t('customers.searchLabel')}
          placeholder={t('customers.searchPlaceholder')}
          allowClear
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(value) => list.setQuery(value.trim())}
          enterButton={t('customers.searchButton')}
          style={{ maxWidth: 420 }}
          role="searchbox"
        />
      </ListToolbar>
      {customers.isError && <Alert type="error" showIcon title={errorMessage(t, customers.error)} style={{ marginBottom: 16 }} />}
      <Table<Customer>
        rowKey="id"
        size={kit.size}
        columns={kit.columns}
        dataSource={customers.data?.items ?? []}
        loading={customers.isFetching}
        pagination={false}
        locale={{ emptyText: t('customers.empty') }}
        onChange={(_pagination, _filters, sorter) => onSort(sorter)}
        onRow={(customer) => ({ onClick: () => void navigate(customerPath(customer.id), { state: list.returnState }) })}
        rowClassName="rapport-clickable-row"
        scroll={{ x: 'max-content' }}
        footer={() => <Typography.Text type="secondary">{t('customers.timeZoneNote', { timeZone })}</Typography.Text>}
      />
      {(list.hasPrevious || customers.data?.nextCursor) && (
        <CursorPager
          page={list.page}
          hasPrevious={list.hasPrevious}
          hasNext={Boolean(customers.data?.nextCursor)}
          onPrevious={list.previousPage}
          onNext={() => customers.data?.nextCursor && list.nextPage(customers.data.nextCursor)}
        />
      )}
    </Card>
  )
}

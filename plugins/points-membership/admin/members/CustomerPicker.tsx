import { useDebouncedValue } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useState } from 'react'
import { searchCustomers } from '../api'

/** A customer chosen by typing part of their name, email or external id (the core customer list). */
export function CustomerPicker({ value, onChange, placeholder, id, membersOnly = false }: {
  value?: string; onChange?: (id: string | undefined) => void; placeholder: string; id?: string; membersOnly?: boolean
}) {
  const [text, setText] = useState('')
  const q = useDebouncedValue(text.trim(), 300)
  const found = useQuery({
    queryKey: ['points-membership', 'customer-search', q, membersOnly],
    queryFn: ({ signal }) => searchCustomers(q, membersOnly, signal),
    enabled: q.length > 0,
  })
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={placeholder}
      loading={found.isFetching}
      notFoundContent={null}
      options={(found.data ?? []).map((c) => ({ value: c.id, label: c.name ? `${c.name} · ${c.externalId}` : c.externalId }))}
      style={{ width: '100%' }}
    />
  )
}

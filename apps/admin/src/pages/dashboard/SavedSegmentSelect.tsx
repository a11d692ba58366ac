import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { listSegments } from '../../api/segments'

/** Picks one of the saved segments (built on the Segments page), or none. */
export function SavedSegmentSelect({ value, onChange }: { value: string | undefined; onChange(id: string | undefined): void }) {
  const { t } = useTranslation()
  const segments = useQuery({ queryKey: ['segments', 'list'], queryFn: ({ signal }) => listSegments(signal) })
  return (
    <Select<string>
      aria-label={t('dashboard.savedSegment')}
      allowClear
      style={{ minWidth: 240 }}
      placeholder={t('dashboard.allCustomers')}
      loading={segments.isPending}
      value={value}
      onChange={(id) => onChange(id ?? undefined)}
      options={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  )
}

import { apiRequest, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'

type Props = { id?: string; value?: string | null; onChange?: (value: string | null) => void }

/** A saved segment (core's Segments page) an event bonus is limited to, or none (every member). */
export function BonusSegmentSelect({ id, value, onChange }: Props) {
  const { t } = usePluginTranslation('points-membership')
  const segments = useQuery({
    queryKey: ['segments', 'list'],
    queryFn: ({ signal }) => apiRequest<{ items: Array<{ id: string; name: string }> }>('/api/v1/segments', { signal }),
  })
  const known = segments.data?.items ?? []
  // A segment deleted since the bonus was saved still shows, by id, so saving keeps what is stored.
  const missing = value && segments.isSuccess && !known.some((s) => s.id === value) ? [{ value, label: t('bonusSegment.deleted', { id: value }) }] : []
  return (
    <Select<string>
      id={id}
      allowClear
      style={{ width: 220 }}
      placeholder={t('bonusSegment.any')}
      loading={segments.isPending}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={[...known.map((s) => ({ value: s.id, label: s.name })), ...missing]}
    />
  )
}

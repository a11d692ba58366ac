import type { DateRangeFieldProps } from '@rapport/admin-kit'
import { DatePicker } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'

const DAY = 'YYYY-MM-DD'

/**
 * The admin's one date range picker (admin-kit's DateRangeField): antd's RangePicker with the
 * usual presets; any range may be picked up to `max` (today by default).
 */
export function RangePickerField({ value, onChange, id, max }: DateRangeFieldProps) {
  const { t } = useTranslation()
  const last = max ? dayjs(max) : dayjs()
  const presets: Array<{ label: string; value: [Dayjs, Dayjs] }> = [
    { label: t('dates.last7'), value: [last.subtract(6, 'day'), last] },
    { label: t('dates.last30'), value: [last.subtract(29, 'day'), last] },
    { label: t('dates.last90'), value: [last.subtract(89, 'day'), last] },
    { label: t('dates.last365'), value: [last.subtract(364, 'day'), last] },
    { label: t('dates.thisMonth'), value: [last.startOf('month'), last] },
    { label: t('dates.lastMonth'), value: [last.subtract(1, 'month').startOf('month'), last.subtract(1, 'month').endOf('month')] },
    { label: t('dates.thisYear'), value: [last.startOf('year'), last] },
  ]
  return (
    <DatePicker.RangePicker
      id={id ? { start: id, end: `${id}-end` } : undefined}
      value={[dayjs(value[0]), dayjs(value[1])]}
      allowClear={false}
      presets={presets}
      disabledDate={(d) => d.isAfter(last, 'day')}
      placeholder={[t('dates.from'), t('dates.to')]}
      onChange={(next) => next?.[0] && next[1] && onChange([next[0].format(DAY), next[1].format(DAY)])}
    />
  )
}

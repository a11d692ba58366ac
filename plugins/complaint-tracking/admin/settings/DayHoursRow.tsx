import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Flex, Select, Switch, Typography } from 'antd'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { timeOptions } from './time-options'

type Range = [string, string]
type Props = {
  label: string
  ranges: Range[]
  onChange: (ranges: Range[]) => void
  /** Refusals by range index (-1: the day as a whole). */
  errors: Map<number, string>
  /** Id prefix of this row's fields (labels point at them). */
  idPrefix: string
}

/** One day of the week: open or closed, and up to four time ranges. */
export function DayHoursRow({ label, ranges, onChange, errors, idPrefix }: Props) {
  const { t } = usePluginTranslation('complaint-tracking')
  const set = (i: number, at: 0 | 1, v: string) => onChange(ranges.map((r, j) => (j === i ? (at === 0 ? [v, r[1]] : [r[0], v]) : r)))
  const add = () => {
    const last = ranges.at(-1)
    onChange([...ranges, last && last[1] < '22:00' ? [last[1] === '24:00' ? '22:00' : addHour(last[1]), '24:00'] : ['09:00', '18:00']])
  }
  return (
    <Flex gap={12} wrap align="flex-start" style={{ padding: '8px 0', borderBottom: '1px solid rgba(0,0,0,0.06)' }}>
      <Flex align="center" gap={8} style={{ width: 150 }}>
        <Switch size="small" checked={ranges.length > 0} aria-label={`${label}: ${t('settingsForm.hours.open')}`}
          onChange={(open) => onChange(open ? [['09:00', '18:00']] : [])} />
        <Typography.Text strong>{label}</Typography.Text>
      </Flex>
      <Flex vertical gap={6} style={{ flex: '1 1 220px', minWidth: 0 }}>
        {ranges.length === 0 && <Typography.Text type="secondary">{t('settingsForm.hours.closed')}</Typography.Text>}
        {ranges.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity but their place in the day
          <Flex key={i} gap={6} align="center" wrap>
            <Select<string> id={`${idPrefix}-${i}-from`} aria-label={`${label} ${t('settingsForm.hours.from')}`} value={r[0]} options={timeOptions.slice(0, -1)}
              onChange={(v) => set(i, 0, v)} style={{ width: 96 }} status={errors.has(i) ? 'error' : undefined} showSearch />
            <span aria-hidden>–</span>
            <Select<string> id={`${idPrefix}-${i}-to`} aria-label={`${label} ${t('settingsForm.hours.to')}`} value={r[1]} options={timeOptions.slice(1)}
              onChange={(v) => set(i, 1, v)} style={{ width: 96 }} status={errors.has(i) ? 'error' : undefined} showSearch />
            <Button type="text" icon={<DeleteOutlined />} aria-label={`${label}: ${t('settingsForm.hours.removeRange')}`} title={t('settingsForm.hours.removeRange')}
              onClick={() => onChange(ranges.filter((_, j) => j !== i))} />
            {errors.has(i) && <Typography.Text type="danger" role="alert">{errors.get(i)}</Typography.Text>}
          </Flex>
        ))}
        {errors.has(-1) && <Typography.Text type="danger" role="alert">{errors.get(-1)}</Typography.Text>}
        {ranges.length > 0 && ranges.length < 4 && (
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={add} style={{ alignSelf: 'flex-start' }}>{t('settingsForm.hours.addRange')}</Button>
        )}
      </Flex>
    </Flex>
  )
}

const addHour = (hhmm: string) => {
  const h = Math.min(23, Number(hhmm.slice(0, 2)) + 1)
  return `${String(h).padStart(2, '0')}:${hhmm.slice(3)}`
}

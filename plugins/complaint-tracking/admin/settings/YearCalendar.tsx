import { usePluginTranslation } from '@rapport/admin-kit'
import { Flex, Typography } from 'antd'
import type { HolidaySet } from './holiday-api'

type Props = { year: number; set: HolidaySet; onToggle?: (date: string) => void; locale: string }
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A year as twelve small months, Monday first: days off in red (休), make-up working days in blue
 * (班), weekends grey. With `onToggle`, each day is a button.
 */
export function YearCalendar({ year, set, onToggle, locale }: Props) {
  const { t } = usePluginTranslation('complaint-tracking')
  const off = new Set(set.holidays)
  const worked = new Set(set.workdays)
  const heads = t('settingsForm.holidays.weekdays').split(',')
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' })
  return (
    <Flex wrap gap={16}>
      {Array.from({ length: 12 }, (_, m) => {
        const first = new Date(Date.UTC(year, m, 1))
        const lead = (first.getUTCDay() + 6) % 7
        const days = new Date(Date.UTC(year, m + 1, 0)).getUTCDate()
        return (
          <div key={m} style={{ width: 196 }}>
            <Typography.Text strong>{monthName.format(first)}</Typography.Text>
            <div role="grid" aria-label={monthName.format(first)} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 28px)', gap: 0, marginTop: 4 }}>
              {heads.map((h, i) => <span key={`h${i}`} style={{ fontSize: 11, textAlign: 'center', color: 'rgba(0,0,0,0.55)' }}>{h}</span>)}
              {Array.from({ length: lead }, (_, i) => <span key={`l${i}`} />)}
              {Array.from({ length: days }, (_, d) => {
                const date = `${year}-${pad(m + 1)}-${pad(d + 1)}`
                const weekend = (lead + d) % 7 >= 5
                const kind = worked.has(date) ? 'workday' : off.has(date) ? 'holiday' : null
                const style: React.CSSProperties = {
                  width: 28, height: 28, fontSize: 12, border: 'none', borderRadius: 4, padding: 0, position: 'relative',
                  background: kind === 'holiday' ? '#fde2e1' : kind === 'workday' ? '#dbeafe' : 'transparent',
                  color: kind === 'holiday' ? '#a8071a' : kind === 'workday' ? '#0b4aa2' : weekend ? 'rgba(0,0,0,0.45)' : 'rgba(0,0,0,0.88)',
                  cursor: onToggle ? 'pointer' : 'default', fontWeight: kind ? 600 : 400,
                }
                const title = kind ? `${date} ${t(`settingsForm.holidays.${kind}`)}` : date
                return onToggle
                  ? <button key={date} type="button" style={style} title={title} aria-label={title} onClick={() => onToggle(date)}>{d + 1}</button>
                  : <span key={date} style={{ ...style, display: 'inline-flex', alignItems: 'center', justifyContent: 'center' }} title={title}>{d + 1}</span>
              })}
            </div>
          </div>
        )
      })}
    </Flex>
  )
}

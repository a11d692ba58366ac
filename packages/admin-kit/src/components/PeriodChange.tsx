import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** How a change is written: relative to the previous figure (`percent`), or as a difference in the figure's own unit. */
export type PeriodChangeProps = {
  current: number | null | undefined
  previous: number | null | undefined
  /**
   * `percent`: +12.5% of the previous figure; `difference`: +3 (or +3.2 with `digits`), for scores whose
   * relative change misleads; `points`: shares given as 0–1, changed by +3.2 percentage points.
   */
  as?: 'percent' | 'difference' | 'points'
  digits?: number
  /** Whether a rise is good news (green) or bad news (red); neutral grey when neither. */
  rising?: 'good' | 'bad' | 'neutral'
}

const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(digits)}`

/**
 * A number widget's change against the previous range of equal length: an arrow, the change, and
 * "vs previous period"; nothing while there is no previous figure to compare with.
 * @example <PeriodChange current={data.filed} previous={previous?.filed} rising="bad" />
 */
export function PeriodChange({ current, previous, as = 'percent', digits = as === 'difference' ? 0 : 1, rising = 'good' }: PeriodChangeProps) {
  const { t } = useTranslation()
  if (current === null || current === undefined || previous === null || previous === undefined) return null
  const diff = current - previous
  // A relative change from zero is infinite: fall back to the difference.
  const text = as === 'points' ? t('dashboard.percentPoints', { change: signed(diff * 100, digits) })
    : as === 'percent' && previous !== 0 ? `${signed((diff / Math.abs(previous)) * 100, digits)}%`
    : signed(diff, as === 'percent' ? 0 : digits)
  if (diff === 0) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.noChange')}</Typography.Text>
  const good = rising === 'neutral' ? undefined : (diff > 0) === (rising === 'good')
  const color = good === undefined ? undefined : good ? '#237804' : '#a8071a'
  return (
    <Typography.Text style={{ fontSize: 12, color }} data-period-change>
      {diff > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {t('dashboard.change', { change: text })}
    </Typography.Text>
  )
}

import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Flex, Tag, Typography } from 'antd'

type Props = { state: 'ok' | 'warning' | 'breached' | null; breachAt: string | null; now?: number }

const colors = { ok: 'green', warning: 'orange', breached: 'red' } as const

/** A duration as "1 d 3 h", "2 h 5 min" or "12 min" (zh-CN: "1 天 3 小时"). */
export function formatDuration(ms: number, language: string): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000))
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60]
  const zh = language === 'zh-CN'
  const unit = { d: zh ? ' 天' : ' d', h: zh ? ' 小时' : ' h', m: zh ? ' 分钟' : ' min' }
  if (d > 0) return `${d}${unit.d} ${h}${unit.h}`
  if (h > 0) return `${h}${unit.h} ${m}${unit.m}`
  return `${m}${unit.m}`
}

/**
 * The case's SLA state as a coloured tag with the time left to (or past) the breach, counted from
 * now; the due time itself is shown in the business's time zone.
 */
export function SlaBadge({ state, breachAt, now = Date.now() }: Props) {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const { dateTime, timeZone } = useFormatters()
  if (!state) return <Tag>{t('sla.none')}</Tag>
  const left = breachAt ? Date.parse(breachAt) - now : null
  const time = left === null ? null : t(left >= 0 ? 'sla.left' : 'sla.over', { time: formatDuration(left, language) })
  const label = [t(`sla.${state}`), time].filter(Boolean).join(' · ')
  const tag = <Tag color={colors[state]} data-sla={state}>{label}</Tag>
  if (!breachAt || state === 'breached') return tag
  return (
    <Flex vertical gap={2} align="start">
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sla.due', { at: dateTime(breachAt) })} ({timeZone})</Typography.Text>
    </Flex>
  )
}

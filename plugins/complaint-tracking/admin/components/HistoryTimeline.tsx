import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Timeline, Typography } from 'antd'
import type { HistoryEntry } from '../api'

/** Every change of the case, oldest first: what, who and when. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const status = (s: string | null) => (s ? t(`status.${s}`) : '')
  const describe = (h: HistoryEntry) => {
    const details = h.details as Record<string, unknown>
    if (h.action === 'transition') return t('detail.history.transition', { from: status(h.fromStatus), to: status(h.toStatus) })
    if (h.action === 'assigned') return t('detail.history.assigned', { to: String(details.to ?? t('common.unassigned')) })
    if (h.action === 'goodwill') return `${t('detail.history.goodwill')}: ${String(details.points ?? '')}`
    if (h.action === 'csat') return `${t('detail.history.csat')}: ${String(details.csat ?? '')}`
    return t(`detail.history.${h.action}`)
  }
  return (
    <Timeline
      items={history.map((h, i) => ({
        key: i,
        content: (
          <>
            <Typography.Text>{describe(h)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{h.actor} · {dateTime(h.at)}</Typography.Text>
          </>
        ),
      }))}
    />
  )
}

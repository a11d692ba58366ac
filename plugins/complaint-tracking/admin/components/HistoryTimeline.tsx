import { StaffName, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Timeline, Typography } from 'antd'
import type { HistoryEntry } from '../api'

/** Every change of the case, oldest first: what, who and when. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const status = (s: string | null) => (s ? t(`status.${s}`) : '')
  const details = (h: HistoryEntry) => h.details as Record<string, unknown>
  const describe = (h: HistoryEntry) => {
    if (h.action === 'transition') return t('detail.history.transition', { from: status(h.fromStatus), to: status(h.toStatus) })
    if (h.action === 'goodwill') return `${t('detail.history.goodwill')}: ${String(details(h).points ?? '')}`
    if (h.action === 'csat') return `${t('detail.history.csat')}: ${String(details(h).csat ?? '')}`
    return t(`detail.history.${h.action}`)
  }
  return (
    <Timeline
      items={history.map((h, i) => ({
        key: i,
        content: (
          <>
            {h.action === 'assigned'
              ? <Typography.Text>{t('detail.history.assigned', { to: '' })}<StaffName value={typeof details(h).to === 'string' ? String(details(h).to) : null} emptyText={t('common.unassigned')} /></Typography.Text>
              : <Typography.Text>{describe(h)}</Typography.Text>}
            <br />
            <Typography.Text type="secondary"><StaffName value={h.actor} /> · {dateTime(h.at)}</Typography.Text>
          </>
        ),
      }))}
    />
  )
}

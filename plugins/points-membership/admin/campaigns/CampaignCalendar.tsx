import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import LeftOutlined from '@ant-design/icons/LeftOutlined'
import RightOutlined from '@ant-design/icons/RightOutlined'
import { Button, Calendar, Flex, Grid, List, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { Campaign } from './campaign-api'
import { dayOf } from './business-day'
import { campaignDays, rewardText, STATE_COLOURS } from './campaign-labels'

type Props = { campaigns: Campaign[]; onOpen: (campaign: Campaign) => void }

/**
 * The campaigns on a month grid (antd Calendar), each day listing the campaigns running on it in
 * the business's calendar. On a phone the grid is the small one and the chosen day's campaigns
 * are listed below it.
 */
export function CampaignCalendar({ campaigns, onOpen }: Props) {
  const { t, language } = usePluginTranslation('points-membership')
  const { timeZone, date } = useFormatters()
  const wide = Grid.useBreakpoint().md ?? true
  const spans = campaigns.map((c) => ({ campaign: c, days: campaignDays(c, timeZone) }))
  const on = (day: string) => spans.filter(({ days }) => days[0] <= day && day <= days[1]).map((s) => s.campaign)
  const [chosen, setChosen] = useState<string | null>(() => dayOf(new Date(), timeZone))
  const [month, setMonth] = useState(() => new Date().getMonth())
  const tag = (c: Campaign) => (
    <Tag key={c.id} color={STATE_COLOURS[c.state]} style={{ cursor: 'pointer', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}
      onClick={() => onOpen(c)}>
      {c.name} {rewardText(t, c, language)}
    </Tag>
  )
  const chosenDay = chosen ?? null
  return (
    <Flex vertical gap={12}>
      <Calendar
        fullscreen={wide}
        onSelect={(value) => setChosen(value.format('YYYY-MM-DD'))}
        // Its own header: antd's year and month selects have no labels; buttons named in the page's language do.
        headerRender={({ value, onChange }) => (
          <Flex justify="space-between" align="center" style={{ padding: 8 }}>
            <Button icon={<LeftOutlined />} aria-label={t('campaigns.previousMonth')} onClick={() => onChange(value.subtract(1, 'month'))} />
            <Typography.Text strong aria-live="polite">{new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long' }).format(value.toDate())}</Typography.Text>
            <Button icon={<RightOutlined />} aria-label={t('campaigns.nextMonth')} onClick={() => onChange(value.add(1, 'month'))} />
          </Flex>
        )}
        fullCellRender={(current, info) => {
          if (info.type !== 'date') return info.originNode
          const day = current.format('YYYY-MM-DD')
          const running = on(day)
          // The whole cell, so days of the next and previous months keep a readable contrast.
          const muted = current.month() !== month
          return (
            <div className={wide ? 'ant-picker-cell-inner ant-picker-calendar-date' : 'ant-picker-cell-inner'} style={{ color: muted ? '#595959' : undefined }}>
              <div className={wide ? 'ant-picker-calendar-date-value' : undefined}>{current.date()}</div>
              <div className={wide ? 'ant-picker-calendar-date-content' : undefined}>
                {running.length === 0 ? null : wide
                  ? <Flex vertical gap={2}>{running.map(tag)}</Flex>
                  : <span aria-label={running.map((c) => c.name).join(', ')} style={{ display: 'block', height: 6, width: 6, borderRadius: 3, background: '#1677ff', margin: '0 auto' }} />}
              </div>
            </div>
          )
        }}
        onPanelChange={(value) => setMonth(value.month())}
      />
      {!wide && chosenDay && (
        <List
          size="small"
          header={<Typography.Text strong>{date(chosenDay)}</Typography.Text>}
          dataSource={on(chosenDay)}
          locale={{ emptyText: t('campaigns.empty') }}
          renderItem={(c) => <List.Item>{tag(c)}</List.Item>}
        />
      )}
    </Flex>
  )
}

import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Checkbox, Flex, Form, Select, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { ComplaintsConfig } from '../api'
import { DayHoursRow } from './DayHoursRow'
import { timeZoneOptions, type Weekday, weekdays } from './time-options'
import type { useSaveConfig } from './use-save-config'

type Calendar = ComplaintsConfig['sla']['calendars'][number]
type Range = [string, string]
type Props = { stored: ComplaintsConfig; saver: ReturnType<typeof useSaveConfig> }

/**
 * The visual week of each business calendar: its time zone, holiday calendar, the hours of each
 * weekday (several ranges a day) and of make-up working days. Saved with the whole config.
 */
export function BusinessHoursCard({ stored, saver }: Props) {
  const { t } = usePluginTranslation('complaint-tracking')
  const [calendars, setCalendars] = useState<Calendar[]>(() => structuredClone(stored.sla.calendars))
  const [index, setIndex] = useState(0)
  const cal = calendars[index] ?? calendars[0]!
  const at = `sla.calendars.${index}`
  const update = (patch: Partial<Calendar>) => setCalendars((all) => all.map((c, i) => (i === index ? { ...c, ...patch } : c)))
  const setDay = (day: Weekday, ranges: Range[]) => update({ weekly: { ...cal.weekly, [day]: ranges } })
  const zones = useMemo(() => timeZoneOptions(cal.timeZone), [cal.timeZone])
  const errorsAt = (path: string) => {
    const byIndex = new Map<number, string>()
    for (const issue of saver.issuesAt(path)) {
      const rest = issue.path.slice(path.length + 1).split('.')[0]
      byIndex.set(rest === '' || rest === undefined ? -1 : Number(rest), saver.messageOf(issue.message))
    }
    return byIndex
  }
  const calendarName = (c: Calendar) => (c.id === 'default' ? t('settingsForm.hours.defaultCalendar') : c.id)
  const holidayOptions = [
    { value: '', label: t('settingsForm.hours.holidayNone') },
    ...Object.keys(stored.sla.holidaySets).map((k) => ({ value: k, label: k === 'zh-CN' ? t('settingsForm.holidays.setZhCN') : k })),
  ]
  const weekIssues = saver.issuesAt(`${at}.weekly`).filter((i) => i.path === `${at}.weekly`)
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('settingsForm.hours.intro')}</Typography.Paragraph>
      <Form layout="vertical" name="business-hours" onFinish={() => saver.save({ ...stored, sla: { ...stored.sla, calendars } })}>
        <Flex gap={16} wrap>
          {calendars.length > 1 && (
            <Form.Item label={t('settingsForm.hours.calendar')} htmlFor="bh-calendar">
              <Select id="bh-calendar" value={index} onChange={setIndex} style={{ width: 220 }}
                options={calendars.map((c, i) => ({ value: i, label: calendarName(c) }))} />
            </Form.Item>
          )}
          <Form.Item label={t('settingsForm.hours.timeZone')} htmlFor="bh-zone" validateStatus={errorsAt(`${at}.timeZone`).size ? 'error' : undefined}
            help={[...errorsAt(`${at}.timeZone`).values()][0]}>
            <Select id="bh-zone" value={cal.timeZone} onChange={(timeZone) => update({ timeZone })} options={zones} showSearch={{ optionFilterProp: 'label' }} style={{ width: 260, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item label={t('settingsForm.hours.holidaySet')} htmlFor="bh-holidays">
            <Select id="bh-holidays" value={cal.holidays ?? ''} onChange={(v) => update({ holidays: v === '' ? null : v })} options={holidayOptions} style={{ width: 260, maxWidth: '100%' }} />
          </Form.Item>
        </Flex>
        <div role="group" aria-label={t('settings.calendars')}>
          {weekdays.map((day) => (
            <DayHoursRow key={`${index}-${day}`} label={t(`settingsForm.hours.day.${day}`)} ranges={cal.weekly[day] as Range[]} idPrefix={`bh-${day}`}
              onChange={(r) => setDay(day, r)} errors={errorsAt(`${at}.weekly.${day}`)} />
          ))}
        </div>
        {weekIssues.map((i) => <Typography.Text key={i.message} type="danger" role="alert">{saver.messageOf(i.message)}</Typography.Text>)}
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('settingsForm.hours.makeUp')}</Typography.Text>
          <Checkbox checked={cal.makeUpHours === undefined} onChange={(e) => update({ makeUpHours: e.target.checked ? undefined : structuredClone(cal.weekly.mon) })}>
            {t('settingsForm.hours.makeUpSame')}
          </Checkbox>
          {cal.makeUpHours !== undefined && (
            <DayHoursRow label={t('settingsForm.hours.makeUp')} ranges={cal.makeUpHours as Range[]} idPrefix="bh-makeup"
              onChange={(makeUpHours) => update({ makeUpHours })} errors={errorsAt(`${at}.makeUpHours`)} />
          )}
        </Flex>
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saver.saving}>{t('settingsForm.save')}</Button>
          <Button onClick={() => update({ weekly: { ...cal.weekly, tue: cal.weekly.mon, wed: cal.weekly.mon, thu: cal.weekly.mon, fri: cal.weekly.mon } })}>
            {t('settingsForm.hours.copyMonday')}
          </Button>
        </Flex>
      </Form>
    </Card>
  )
}

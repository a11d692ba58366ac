import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Flex, Form, Select, Typography } from 'antd'
import ImportOutlined from '@ant-design/icons/ImportOutlined'
import { useState } from 'react'
import type { ComplaintsConfig } from '../api'
import { type HolidaySet, withYear } from './holiday-api'
import { HolidayImportModal } from './HolidayImportModal'
import type { useSaveConfig } from './use-save-config'
import { YearCalendar } from './YearCalendar'

type Props = { stored: ComplaintsConfig; saver: ReturnType<typeof useSaveConfig> }

// A click moves a day on: working → day off → make-up working day → working.
function toggled(set: HolidaySet, date: string): HolidaySet {
  if (set.holidays.includes(date)) return { holidays: set.holidays.filter((d) => d !== date), workdays: [...set.workdays, date].sort() }
  if (set.workdays.includes(date)) return { ...set, workdays: set.workdays.filter((d) => d !== date) }
  return { ...set, holidays: [...set.holidays, date].sort() }
}

/** The holiday calendars by year: a clickable year view, an import of a year (CSV or .ics), saved with the config. */
export function HolidayCalendarCard({ stored, saver }: Props) {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const [sets, setSets] = useState<Record<string, HolidaySet>>(() => structuredClone(stored.sla.holidaySets))
  const names = Object.keys(sets)
  const [name, setName] = useState(names.includes('zh-CN') ? 'zh-CN' : names[0] ?? 'zh-CN')
  const [year, setYear] = useState(() => new Date().getFullYear() + (new Date().getMonth() === 11 ? 1 : 0))
  const [importing, setImporting] = useState(false)
  const set = sets[name] ?? { holidays: [], workdays: [] }
  const inYear = (d: string) => d.startsWith(`${year}-`)
  const years = [...new Set([year - 1, year, year + 1, ...[...set.holidays, ...set.workdays].map((d) => Number(d.slice(0, 4)))])].sort()
  const save = (next: Record<string, HolidaySet>) => saver.save({ ...stored, sla: { ...stored.sla, holidaySets: next } })
  const setLabel = (k: string) => (k === 'zh-CN' ? t('settingsForm.holidays.setZhCN') : k)
  const issues = saver.issuesAt('sla.holidaySets')
  const holidays = set.holidays.filter(inYear).length
  const workdays = set.workdays.filter(inYear).length
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('settingsForm.holidays.intro')}</Typography.Paragraph>
      <Flex gap={16} wrap align="flex-end">
        {names.length > 1 && (
          <Form.Item label={t('settingsForm.holidays.set')} htmlFor="holiday-set" layout="vertical">
            <Select id="holiday-set" value={name} onChange={setName} options={names.map((k) => ({ value: k, label: setLabel(k) }))} style={{ width: 240 }} />
          </Form.Item>
        )}
        <Form.Item label={t('settingsForm.holidays.year')} htmlFor="holiday-year" layout="vertical">
          <Select id="holiday-year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>{t('settingsForm.holidays.import')}</Button>
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{holidays + workdays > 0 ? t('settingsForm.holidays.counts', { year, holidays, workdays }) : t('settingsForm.holidays.empty', { year })}</Typography.Text>
        <Flex gap={12}>
          <span><span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, background: '#fde2e1', marginRight: 4 }} />{t('settingsForm.holidays.holiday')}</span>
          <span><span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, background: '#dbeafe', marginRight: 4 }} />{t('settingsForm.holidays.workday')}</span>
        </Flex>
      </Flex>
      <YearCalendar year={year} set={set} locale={language} onToggle={(date) => setSets({ ...sets, [name]: toggled(set, date) })} />
      {issues.map((i) => <Typography.Paragraph key={i.path + i.message} type="danger" role="alert">{saver.messageOf(i.message)}</Typography.Paragraph>)}
      <Button type="primary" style={{ marginTop: 16 }} loading={saver.saving} onClick={() => save(sets)}>{t('settingsForm.save')}</Button>
      <HolidayImportModal open={importing} year={year} locale={language} saving={saver.saving} onClose={() => setImporting(false)}
        onApply={(preview) => {
          const next = { ...sets, [name]: withYear(set, preview.year, preview) }
          setSets(next)
          setYear(preview.year)
          setImporting(false)
          save(next)
        }} />
    </Card>
  )
}

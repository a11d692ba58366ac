import { isApiError, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation } from '@tanstack/react-query'
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Radio, Table, Typography, Upload } from 'antd'
import UploadOutlined from '@ant-design/icons/UploadOutlined'
import { useState } from 'react'
import type { HolidayImportIssue, HolidayPreview } from '../../shared/holiday-schemas'
import { useComplaintError } from '../components/use-complaint-error'
import { previewHolidayFile } from './holiday-api'
import { YearCalendar } from './YearCalendar'

type Props = { open: boolean; year: number; locale: string; saving: boolean; onClose: () => void; onApply: (preview: HolidayPreview) => void }

/**
 * Import a year of holidays: upload or paste a CSV or .ics file, let the server read and check it,
 * look at the year, then replace that year and save.
 */
export function HolidayImportModal({ open, year: initialYear, locale, saving, onClose, onApply }: Props) {
  const { t } = usePluginTranslation('complaint-tracking')
  const errorOf = useComplaintError()
  const [format, setFormat] = useState<'csv' | 'ics'>('csv')
  const [content, setContent] = useState('')
  const [year, setYear] = useState<number | null>(initialYear)
  const [issues, setIssues] = useState<HolidayImportIssue[]>([])
  const preview = useMutation({
    mutationFn: () => previewHolidayFile({ format, content, ...(year ? { year } : {}) }),
    onMutate: () => setIssues([]),
    onError: (err) => {
      const found = isApiError(err) ? (err.details as { issues?: HolidayImportIssue[] } | undefined)?.issues : undefined
      setIssues(found ?? [{ line: 0, message: errorOf(err) }])
    },
  })
  const result = preview.data
  const kindLabel = (k: string) => t(`settingsForm.holidays.${k}`)
  return (
    <Modal open={open} onCancel={onClose} title={t('settingsForm.holidays.importTitle')} width={920} destroyOnHidden
      footer={[
        <Button key="preview" onClick={() => preview.mutate()} loading={preview.isPending} disabled={!content.trim()}>{t('settingsForm.holidays.preview')}</Button>,
        <Button key="apply" type="primary" disabled={!result} loading={saving} onClick={() => result && onApply(result)}>
          {t('settingsForm.holidays.apply', { year: result?.year ?? year ?? '' })}
        </Button>,
      ]}>
      <Form layout="vertical" name="holiday-import">
        <Flex gap={16} wrap>
          <Form.Item label={t('settingsForm.holidays.format')}>
            <Radio.Group value={format} onChange={(e) => { setFormat(e.target.value); preview.reset() }} optionType="button"
              options={[{ value: 'csv', label: t('settingsForm.holidays.csv') }, { value: 'ics', label: t('settingsForm.holidays.ics') }]} />
          </Form.Item>
          <Form.Item label={t('settingsForm.holidays.year')} htmlFor="holiday-import-year">
            <InputNumber id="holiday-import-year" value={year} min={2000} max={2100} precision={0} onChange={(v) => { setYear(v); preview.reset() }} />
          </Form.Item>
          <Form.Item label={t('settingsForm.holidays.upload')}>
            <Upload accept={format === 'csv' ? '.csv,text/csv,text/plain' : '.ics,text/calendar'} maxCount={1} showUploadList={false}
              beforeUpload={(file) => { void file.text().then((text) => { setContent(text); preview.reset() }); return false }}>
              <Button icon={<UploadOutlined />}>{t('settingsForm.holidays.upload')}</Button>
            </Upload>
          </Form.Item>
        </Flex>
        <Form.Item label={t('settingsForm.holidays.paste')} htmlFor="holiday-import-content"
          extra={format === 'csv' ? t('settingsForm.holidays.csvHelp') : t('settingsForm.holidays.icsHelp')}>
          <Input.TextArea id="holiday-import-content" value={content} onChange={(e) => { setContent(e.target.value); preview.reset() }}
            autoSize={{ minRows: 4, maxRows: 10 }} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
      {issues.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('settingsForm.holidays.refusedTitle')} description={
          <ul style={{ margin: 0 }}>{issues.map((i) => <li key={`${i.line}:${i.message}`}>{i.line ? t('settingsForm.holidays.line', { line: i.line, message: i.message }) : t('settingsForm.holidays.whole', { message: i.message })}</li>)}</ul>
        } />
      )}
      {result && (
        <Flex vertical gap={12}>
          <Typography.Text strong>{t('settingsForm.holidays.previewTitle', { year: result.year, holidays: result.holidays.length, workdays: result.workdays.length })}</Typography.Text>
          <Table size="small" rowKey="date" pagination={false} scroll={{ y: 200 }} dataSource={result.days}
            columns={[
              { title: t('settingsForm.holidays.date'), dataIndex: 'date', width: 120 },
              { title: t('settingsForm.holidays.kind'), dataIndex: 'kind', width: 160, render: kindLabel },
              { title: t('settingsForm.holidays.name'), dataIndex: 'name', render: (n: string | null) => n ?? '' },
            ]} />
          <YearCalendar year={result.year} set={result} locale={locale} />
        </Flex>
      )}
    </Modal>
  )
}

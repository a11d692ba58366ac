import { PageLoading, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { Alert, Button, Card, Flex, Form, InputNumber, Switch, Tabs, Typography } from 'antd'
import { useEffect } from 'react'
import type { ComplaintsConfig } from '../api'
import { useComplaintsConfig } from '../components/use-complaints-config'
import { BusinessHoursCard } from '../settings/BusinessHoursCard'
import { HolidayCalendarCard } from '../settings/HolidayCalendarCard'
import { SlaPoliciesCard } from '../settings/SlaPoliciesCard'
import { useSaveConfig } from '../settings/use-save-config'

type General = { reopenWindowDays: number; followUpAfterDays: number; maxGoodwillPoints: number; openCaseOnDetractor: boolean; publicFormEnabled: boolean }

/** Form fields by the config path the server names in a refusal. */
const fieldOfPath: Record<string, keyof General> = {
  reopenWindowDays: 'reopenWindowDays', followUpAfterDays: 'followUpAfterDays', maxGoodwillPoints: 'maxGoodwillPoints',
  openCaseOnDetractor: 'openCaseOnDetractor', 'publicForm.enabled': 'publicFormEnabled',
}

/**
 * The plugin's config as forms: the common settings, the business-hours week, holiday calendars by
 * year and SLA policies; the whole config is shown read-only as JSON for reference.
 */
export default function SettingsPage() {
  const config = useComplaintsConfig()
  if (config.isPending) return <PageLoading />
  if (config.isError) return <QueryErrorResult error={config.error} onRetry={() => void config.refetch()} />
  return <SettingsForms stored={config.data} />
}

function SettingsForms({ stored }: { stored: ComplaintsConfig }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const saver = useSaveConfig()
  const [form] = Form.useForm<General>()
  useEffect(() => {
    form.setFields(Object.entries(fieldOfPath).map(([path, name]) => ({ name, errors: saver.issuesAt(path).map((i) => saver.messageOf(i.message)) })))
  }, [form, saver.issuesAt, saver.messageOf])
  const saveGeneral = (g: General) => saver.save({ ...stored, reopenWindowDays: g.reopenWindowDays, followUpAfterDays: g.followUpAfterDays,
    maxGoodwillPoints: g.maxGoodwillPoints, openCaseOnDetractor: g.openCaseOnDetractor, publicForm: { ...stored.publicForm, enabled: g.publicFormEnabled } })
  const number = (name: keyof General, min: number) => (
    <Form.Item name={name} label={t(`settings.${name}`)}><InputNumber min={min} precision={0} style={{ width: 200 }} /></Form.Item>
  )
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('settings.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      </div>
      {saver.issues.length > 0 && <Alert type="error" showIcon role="alert" title={t('settingsForm.refused')} />}
      <Tabs items={[
        { key: 'general', label: t('settings.general'), children: (
          <Card>
            <Form<General> form={form} layout="vertical" name="complaint-settings" onFinish={saveGeneral} initialValues={{
              reopenWindowDays: stored.reopenWindowDays, followUpAfterDays: stored.followUpAfterDays, maxGoodwillPoints: stored.maxGoodwillPoints,
              openCaseOnDetractor: stored.openCaseOnDetractor, publicFormEnabled: stored.publicForm.enabled,
            }}>
              {number('reopenWindowDays', 0)}
              {number('followUpAfterDays', 0)}
              {number('maxGoodwillPoints', 1)}
              <Form.Item name="openCaseOnDetractor" label={t('settings.openCaseOnDetractor')} valuePropName="checked"><Switch /></Form.Item>
              <Form.Item name="publicFormEnabled" label={t('settings.publicFormEnabled')} valuePropName="checked"><Switch /></Form.Item>
              <Button type="primary" htmlType="submit" loading={saver.saving}>{t('common.save')}</Button>
            </Form>
          </Card>
        ) },
        { key: 'hours', label: t('settingsForm.tabs.hours'), children: <BusinessHoursCard stored={stored} saver={saver} /> },
        { key: 'holidays', label: t('settingsForm.tabs.holidays'), children: <HolidayCalendarCard stored={stored} saver={saver} /> },
        { key: 'policies', label: t('settingsForm.tabs.policies'), children: <SlaPoliciesCard stored={stored} saver={saver} /> },
        { key: 'advanced', label: t('settingsForm.tabs.advanced'), children: (
          <Card>
            <Typography.Paragraph type="secondary">{t('settingsForm.advancedIntro')}</Typography.Paragraph>
            <pre aria-label={t('settingsForm.tabs.advanced')} style={{ maxHeight: 480, overflow: 'auto', fontSize: 12, background: 'rgba(0,0,0,0.03)', padding: 12, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(stored, null, 2)}
            </pre>
          </Card>
        ) },
      ]} />
    </Flex>
  )
}

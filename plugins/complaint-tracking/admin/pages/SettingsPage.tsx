import { PageLoading, QueryErrorResult, isApiError, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Switch, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { type ComplaintsConfig, saveConfig } from '../api'
import { useComplaintError } from '../components/use-complaint-error'
import { configKey, useComplaintsConfig } from '../components/use-complaints-config'

type Issue = { path: string; message: string }
type General = { reopenWindowDays: number; followUpAfterDays: number; maxGoodwillPoints: number; openCaseOnDetractor: boolean; publicFormEnabled: boolean }

/** Form fields by the config path the server names in a refusal. */
const fieldOfPath: Record<string, keyof General> = {
  reopenWindowDays: 'reopenWindowDays', followUpAfterDays: 'followUpAfterDays', maxGoodwillPoints: 'maxGoodwillPoints',
  openCaseOnDetractor: 'openCaseOnDetractor', 'publicForm.enabled': 'publicFormEnabled',
}

/** The plugin's config: the common settings as a form, the lists (categories, SLA policies, calendars and holidays) as JSON. */
export default function SettingsPage() {
  const config = useComplaintsConfig()
  if (config.isPending) return <PageLoading />
  if (config.isError) return <QueryErrorResult error={config.error} onRetry={() => void config.refetch()} />
  return <SettingsForm stored={config.data} />
}

function SettingsForm({ stored }: { stored: ComplaintsConfig }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const [form] = Form.useForm<General>()
  const [json, setJson] = useState(() => JSON.stringify(stored, null, 2))
  const [jsonError, setJsonError] = useState<string | null>(null)
  const [issues, setIssues] = useState<Issue[]>([])
  const saving = useMutation({
    mutationFn: saveConfig,
    onMutate: () => { setIssues([]); form.setFields(Object.values(fieldOfPath).map((name) => ({ name, errors: [] }))) },
    onSuccess: (saved) => { client.setQueryData(configKey, saved); setJson(JSON.stringify(saved, null, 2)); void message.success(t('common.saved')) },
    onError: (err) => {
      const found = isApiError(err) && err.status === 422 ? (err.details as { issues?: Issue[] } | undefined)?.issues : undefined
      if (!found) return void message.error(messageOf(err))
      setIssues(found)
      form.setFields(found.filter((i) => fieldOfPath[i.path]).map((i) => ({ name: fieldOfPath[i.path]!, errors: [i.message] })))
    },
  })
  const fromJson = (): ComplaintsConfig | null => {
    try {
      const parsed = JSON.parse(json) as unknown
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{ … }')
      setJsonError(null)
      return parsed as ComplaintsConfig
    } catch (err) {
      setJsonError(t('settings.jsonInvalid', { message: err instanceof Error ? err.message : String(err) }))
      return null
    }
  }
  const saveGeneral = (g: General) => {
    const base = fromJson() ?? stored
    saving.mutate({ ...base, reopenWindowDays: g.reopenWindowDays, followUpAfterDays: g.followUpAfterDays, maxGoodwillPoints: g.maxGoodwillPoints,
      openCaseOnDetractor: g.openCaseOnDetractor, publicForm: { ...base.publicForm, enabled: g.publicFormEnabled } })
  }
  const number = (name: keyof General, min: number) => (
    <Form.Item name={name} label={t(`settings.${name}`)}><InputNumber min={min} precision={0} style={{ width: 200 }} /></Form.Item>
  )
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('settings.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      </div>
      {issues.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('settings.invalid')}
          description={<ul style={{ margin: 0 }}>{issues.map((i) => <li key={`${i.path}:${i.message}`}>{t('settings.issue', { path: i.path || '(config)', message: i.message })}</li>)}</ul>} />
      )}
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
              <Button type="primary" htmlType="submit" loading={saving.isPending}>{t('common.save')}</Button>
            </Form>
          </Card>
        ) },
        { key: 'json', label: `${t('settings.categories')} · ${t('settings.policies')} · ${t('settings.calendars')}`, children: (
          <Card>
            <Typography.Paragraph type="secondary">{t('settings.jsonIntro')}</Typography.Paragraph>
            <Form layout="vertical" name="complaint-settings-json" onFinish={() => { const c = fromJson(); if (c) saving.mutate(c) }}>
              <Form.Item label={t('settings.jsonLabel')} htmlFor="complaint-config-json" validateStatus={jsonError ? 'error' : undefined} help={jsonError ?? undefined}>
                <Input.TextArea id="complaint-config-json" value={json} onChange={(e) => setJson(e.target.value)} autoSize={{ minRows: 16, maxRows: 40 }}
                  spellCheck={false} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving.isPending}>{t('common.save')}</Button>
            </Form>
          </Card>
        ) },
      ]} />
    </Flex>
  )
}

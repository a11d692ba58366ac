import { isApiError, PageLoading, QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Collapse, Flex, Form, InputNumber, Row, Col, Space, Typography } from 'antd'
import { useRef, useState } from 'react'
import { getTieringConfig, previewConfig, saveConfig, type ConfigIssue, type ConfigPreview, type TieringConfig } from '../config-api'
import { formFieldOfIssue, toConfig, toFormValues, type ConfigFormValues } from '../settings/config-form'
import { ConfigJsonView } from '../settings/ConfigJsonView'
import { LadderSettings } from '../settings/LadderSettings'
import { NamesBenefitsSettings } from '../settings/NamesBenefitsSettings'
import { PreviewResult } from '../settings/PreviewResult'
import { RecencySettings } from '../settings/RecencySettings'
import { SegmentSettings } from '../settings/SegmentSettings'
import { ReevaluateButton } from '../settings/ReevaluateButton'
import { TierSettings } from '../settings/TierSettings'

const issuesOf = (err: unknown): ConfigIssue[] | undefined =>
  isApiError(err) && err.status === 422 ? (err.details as { issues?: ConfigIssue[] } | undefined)?.issues : undefined

/** The settings page once the stored config has loaded. */
function SettingsForm({ stored }: { stored: TieringConfig }) {
  const { t } = usePluginTranslation('tiering')
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  // Untyped: server issues name fields by paths built at run time.
  const [form] = Form.useForm()
  const [base, setBase] = useState(stored)
  const [preview, setPreview] = useState<{ result: ConfigPreview; config: string } | null>(null)
  const [unplaced, setUnplaced] = useState<ConfigIssue[]>([])
  const placed = useRef<(string | number)[][]>([])

  const candidate = () => toConfig(form.getFieldsValue(true) as ConfigFormValues, base)
  const clearIssues = () => {
    form.setFields(placed.current.map((name) => ({ name, errors: [] })))
    placed.current = []
    setUnplaced([])
  }
  const showIssues = (err: unknown) => {
    const issues = issuesOf(err)
    if (!issues) return false
    const onFields = issues.map((issue) => ({ issue, name: formFieldOfIssue(issue.path) }))
    placed.current = onFields.flatMap((f) => (f.name ? [f.name] : []))
    form.setFields(onFields.flatMap(({ issue, name }) => (name ? [{ name, errors: [issue.message] }] : [])))
    setUnplaced(issues)
    return true
  }
  const previewing = useMutation({
    mutationFn: (config: TieringConfig) => previewConfig(config),
    onMutate: clearIssues,
    onSuccess: (result, config) => setPreview({ result, config: JSON.stringify(config) }),
    onError: showIssues,
  })
  const saving = useMutation({
    mutationFn: (config: TieringConfig) => saveConfig(config),
    onMutate: clearIssues,
    onSuccess: (saved) => {
      setBase(saved)
      setPreview(null)
      void message.success(t('settings.saved'))
      void queryClient.invalidateQueries({ queryKey: ['tiering'] })
    },
    onError: showIssues,
  })
  const current = preview && JSON.stringify(candidate()) === preview.config
  const failed = [previewing, saving].find((m) => m.isError && !issuesOf(m.error))

  return (
    <Flex vertical gap={16}>
      <Form form={form} layout="vertical" name="tiering-settings" initialValues={toFormValues(base)} onValuesChange={() => setPreview(null)}>
        <Flex vertical gap={16}>
          <Card title={t('settings.general')}>
            <Row gutter={16}>
              <Col xs={24} md={12}><Form.Item label={t('settings.windowDays')} name="windowDays"><InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item label={t('settings.minCutPointPopulation')} name="minCutPointPopulation"><InputNumber min={1} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
          </Card>
          <Card title={t('settings.tiers')}><TierSettings /></Card>
          <Card title={t('settings.recency')}><RecencySettings /></Card>
          <Card title={t('settings.ladder')}><LadderSettings /></Card>
          <Card title={t('segmentsForm.segments')}><SegmentSettings /></Card>
          <Card title={t('segmentsForm.namesBenefits')}><NamesBenefitsSettings /></Card>
        </Flex>
      </Form>
      <Collapse items={[{
        key: 'json', label: t('segmentsForm.advanced'), destroyOnHidden: true,
        children: <ConfigJsonView current={candidate} />,
      }]} />
      {unplaced.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('settings.issues')}
          description={<ul style={{ margin: 0 }}>{unplaced.map((i) => <li key={`${i.path}:${i.message}`}>{i.message}</li>)}</ul>} />
      )}
      {failed && <QueryErrorResult error={failed.error} />}
      <Card>
        <Flex vertical gap={12}>
          <Space wrap>
            <Button onClick={() => previewing.mutate(candidate())} loading={previewing.isPending}>{t('settings.preview')}</Button>
            <Button type="primary" disabled={!current} onClick={() => saving.mutate(candidate())} loading={saving.isPending}>{t('settings.save')}</Button>
          </Space>
          {!current && <Typography.Text type="secondary">{t('settings.previewFirst')}</Typography.Text>}
        </Flex>
      </Card>
      {preview && <PreviewResult preview={preview.result} />}
      <Card title={t('settings.reevaluate')}><ReevaluateButton /></Card>
    </Flex>
  )
}

/** Tiering's settings as a form (segment table, names and benefits included; JSON only as a read-only view), a preview before the save, and a re-evaluation now. */
export default function TieringSettingsPage() {
  const { t } = usePluginTranslation('tiering')
  const config = useQuery({ queryKey: ['tiering', 'config'], queryFn: ({ signal }) => getTieringConfig(signal), staleTime: Infinity })
  if (config.isError) return <QueryErrorResult error={config.error} onRetry={() => void config.refetch()} />
  if (!config.data) return <PageLoading />
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('settings.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      </div>
      <SettingsForm stored={config.data} />
    </Flex>
  )
}

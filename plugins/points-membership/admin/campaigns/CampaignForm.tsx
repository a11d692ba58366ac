import { DateRangeField, type DayRange, useBusinessTimeZone, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { errorText, issuesOf } from '../error-text'
import { BonusSegmentSelect } from '../rules/BonusSegmentSelect'
import { type Campaign, saveCampaign } from './campaign-api'
import { type CampaignValues, initialValues, toBody, valuesOf } from './campaign-values'
import { CampaignImpact } from './CampaignImpact'

const TIERS = ['diamond', 'silver', 'bronze', 'iron'] as const
const CHANNELS = ['store', 'web', 'app', 'wechat', 'phone', 'other'] as const
const FAR_FUTURE = '2099-12-31'

/** The dates as a form control (Form.Item gives it id, value and onChange). */
function DaysField({ id, value, onChange }: { id?: string; value?: DayRange; onChange?: (range: DayRange) => void }) {
  return value ? <DateRangeField id={id} value={value} onChange={(range) => onChange?.(range)} max={FAR_FUTURE} /> : null
}

type Props = { open: boolean; campaign: Campaign | undefined; onClose: () => void }

/** Adds a campaign (`campaign` undefined) or edits one, with its impact preview before saving; refusals land on their fields. */
export function CampaignForm({ open, campaign, onClose }: Props) {
  const { t, language } = usePluginTranslation('points-membership')
  const { message } = App.useApp()
  const timeZone = useBusinessTimeZone()
  const client = useQueryClient()
  const [form] = Form.useForm<CampaignValues>()
  const kind = Form.useWatch('kind', form)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (!open) return
    setRefusal(null)
    form.resetFields()
    form.setFieldsValue(campaign ? valuesOf(campaign, timeZone) : initialValues(timeZone, new Date()))
  }, [open, campaign, form, timeZone])

  const save = useMutation({
    mutationFn: (values: CampaignValues) => saveCampaign(campaign?.id, toBody(values, timeZone)),
    onSuccess: () => {
      void message.success(t('campaigns.form.saved'))
      void client.invalidateQueries({ queryKey: ['points-membership', 'campaigns'] })
      onClose()
    },
    onError: (err) => {
      const issues = issuesOf(err)
      const named = issues.filter((i) => i.path !== '')
      form.setFields(named.map((i) => ({ name: (i.path === 'startsAt' || i.path === 'endsAt' ? 'days' : i.path.split('.').slice(-1)[0]!) as keyof CampaignValues, errors: [i.message] })))
      setRefusal(errorText(t, err, language))
    },
  })
  const validated = async () => {
    try {
      return toBody(await form.validateFields(), timeZone)
    } catch {
      return undefined
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={campaign ? t('campaigns.form.editTitle', { name: campaign.name }) : t('campaigns.form.addTitle')}
      size={640}
      destroyOnHidden
      footer={(
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('campaigns.form.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>{t('campaigns.form.save')}</Button>
        </Flex>
      )}
    >
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 16 }} />}
      <Form<CampaignValues> form={form} name="points-campaign" layout="vertical" onValuesChange={() => setVersion((v) => v + 1)}
        onFinish={(values) => { setRefusal(null); save.mutate(values) }}>
        <Form.Item name="name" label={t('campaigns.form.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('campaigns.form.kind')}>
          <Radio.Group optionType="button" options={(['multiplier', 'bonus'] as const).map((k) => ({ value: k, label: t(`campaigns.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'bonus' ? (
          <Form.Item name="bonusPoints" label={t('campaigns.form.bonusPoints')} extra={t('campaigns.form.bonusPointsHelp')} rules={[{ required: true, type: 'number', min: 1 }]}>
            <InputNumber precision={0} min={1} style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item name="multiplier" label={t('campaigns.form.multiplier')} extra={t('campaigns.form.multiplierHelp')} rules={[{ required: true, type: 'number', min: 1.01, max: 10 }]}>
            <InputNumber min={1.01} max={10} step={0.5} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="days" label={t('campaigns.form.dates')} extra={t('campaigns.form.datesHelp')} rules={[{ required: true }]}>
          <DaysField />
        </Form.Item>
        <Typography.Title level={5}>{t('campaigns.form.conditions')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('campaigns.form.conditionsHelp')}</Typography.Paragraph>
        <Form.Item name="segmentId" label={t('campaigns.form.segment')}>
          <BonusSegmentSelect />
        </Form.Item>
        <Form.Item name="tiers" label={t('campaigns.form.tiers')}>
          <Select mode="multiple" allowClear placeholder={t('campaigns.form.anyTier')} options={TIERS.map((tier) => ({ value: tier, label: t(`campaigns.tierNames.${tier}`) }))} />
        </Form.Item>
        <Form.Item name="channels" label={t('campaigns.form.channels')}>
          <Select mode="multiple" allowClear placeholder={t('campaigns.form.anyChannel')} options={CHANNELS.map((c) => ({ value: c, label: t(`campaigns.channelNames.${c}`) }))} />
        </Form.Item>
        <Form.Item name="categories" label={t('campaigns.form.categories')} extra={t('campaigns.form.categoriesHelp')}>
          <Select mode="tags" allowClear placeholder={t('campaigns.form.anyCategory')} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="firstOrder" label={t('campaigns.form.firstOrder')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="budgetPoints" label={t('campaigns.form.budget')} extra={t('campaigns.form.budgetHelp')}>
          <InputNumber precision={0} min={1} placeholder={t('campaigns.noBudget')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="active" label={t('campaigns.form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      <CampaignImpact campaign={validated} replacing={campaign?.id} version={version} />
    </Drawer>
  )
}

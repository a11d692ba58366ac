import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd'
import { useEffect, useState } from 'react'
import { createReward, getPointsPlugin, savePointsConfig, updateReward, type Reward } from '../api'
import { errorText, issuesOf } from '../error-text'
import { birthdayConfig, NEW_REWARD, type RewardFormValues, toForm, VALUE_FIELDS, valueOf } from './reward-form'

const TIERS = ['diamond', 'silver', 'bronze', 'iron'] as const
const KINDS = ['voucher', 'discount', 'gift'] as const
const FIELDS = ['id', 'name', 'kind', 'costPoints', 'stock', 'perCustomerLimit', 'tiers', 'voucherValidDays', 'active', 'exclusive'] as const

/** Adds a reward (`reward` undefined) or edits one: its value by kind, the exclusive flag and the birthday coupon; the server's refusals land on their fields. */
export function RewardModal({ open, reward, onClose }: { open: boolean; reward: Reward | undefined; onClose: () => void }) {
  const { t, language } = usePluginTranslation('points-membership')
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<RewardFormValues>()
  const kind = Form.useWatch('kind', form)
  const [refusal, setRefusal] = useState<string | null>(null)
  // The birthday coupon is read from the config as it is now: with the admin's 30 s staleTime a
  // reopened form showed the cached config from before the last save (the switch off although the
  // server had it on) and, saved, wrote that old config back. So: no staleTime, the switch waits
  // for the fetch, and the save reads the config again before changing it.
  const plugin = useQuery({ queryKey: ['points-membership', 'plugin'], queryFn: ({ signal }) => getPointsPlugin(signal), enabled: open, staleTime: 0 })
  const configReady = plugin.isSuccess && !plugin.isFetching && Boolean(plugin.data.config)
  const birthdayRewardId = (plugin.data?.config?.birthdayBonus as { rewardId?: string } | undefined)?.rewardId
  useEffect(() => {
    if (!open) return
    setRefusal(null)
    form.resetFields()
    form.setFieldsValue(reward ? toForm(reward, undefined) : NEW_REWARD)
  }, [open, reward, form])
  // Set apart from the other fields, so the config arriving never resets what was typed.
  useEffect(() => {
    if (open && configReady && !form.isFieldTouched('birthdayCoupon')) form.setFieldValue('birthdayCoupon', reward !== undefined && birthdayRewardId === reward.id)
  }, [open, configReady, reward, birthdayRewardId, form])

  const save = useMutation({
    mutationFn: async ({ id, amount, currency, percent, sku, productName, birthdayCoupon, ...v }: RewardFormValues) => {
      const value = valueOf({ kind: v.kind, amount, currency, percent, sku, productName })
      const body = { ...v, value, tiers: v.tiers && v.tiers.length > 0 ? v.tiers : null, stock: v.stock ?? null, perCustomerLimit: v.perCustomerLimit ?? null, exclusive: Boolean(v.exclusive) }
      const saved = reward ? await updateReward(reward.id, body) : await createReward({ id, ...body })
      // The birthday coupon lives in the plugin config; it changes only when the switch did.
      const { config } = await getPointsPlugin()
      const next = config ? birthdayConfig(config, saved.id, birthdayCoupon) : null
      if (next) await savePointsConfig(next)
      return saved
    },
    onSuccess: () => {
      void message.success(t('rewards.saved'))
      void client.invalidateQueries({ queryKey: ['points-membership'] })
      onClose()
    },
    onError: (err) => {
      const issues = issuesOf(err)
      form.setFields(FIELDS.map((field) => ({ name: field, errors: issues.filter((i) => i.path.split('.')[0] === field).map((i) => i.message) })))
      for (const issue of issues) {
        const field = VALUE_FIELDS[issue.path]
        if (field) form.setFields([{ name: field, errors: [issue.message] }])
      }
      if (err && (err as { code?: string }).code === 'POINTS_REWARD_EXISTS') form.setFields([{ name: 'id', errors: [errorText(t, err, language)] }])
      setRefusal(errorText(t, err, language))
    },
  })

  return (
    <Modal
      open={open}
      title={reward ? t('rewards.editTitle', { name: reward.name }) : t('rewards.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 16 }} />}
      <Form<RewardFormValues> form={form} name="points-reward" layout="vertical" onFinish={(v) => { setRefusal(null); save.mutate({ ...v, id: reward?.id ?? v.id }) }}>
        <Form.Item name="id" label={t('rewards.id')} extra={t('rewards.idHelp')} rules={[{ required: !reward, whitespace: true }]}>
          <Input disabled={Boolean(reward)} maxLength={64} />
        </Form.Item>
        <Form.Item name="name" label={t('rewards.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('rewards.kind')} extra={t('rewards.kindHelp')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`rewards.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'voucher' && (
          <Space wrap align="start">
            <Form.Item name="amount" label={t('rewards.faceValue')} extra={t('rewards.faceValueHelp')} rules={[{ type: 'number', min: 0.01 }]}>
              <InputNumber precision={2} min={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="currency" label={t('rewards.currency')} rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('rewards.currencyHelp') }]}>
              <Input maxLength={3} style={{ width: 100 }} />
            </Form.Item>
          </Space>
        )}
        {kind === 'discount' && (
          <Form.Item name="percent" label={t('rewards.percent')} extra={t('rewards.percentHelp')} rules={[{ type: 'number', min: 1, max: 100 }]}>
            <InputNumber precision={0} min={1} max={100} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        )}
        {kind === 'gift' && (
          <Space wrap align="start">
            <Form.Item name="productName" label={t('rewards.productName')}>
              <Input maxLength={200} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="sku" label={t('rewards.sku')}>
              <Input maxLength={64} style={{ width: 160 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="costPoints" label={t('rewards.cost')} rules={[{ required: true, type: 'number' }]}>
          <InputNumber precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="stock" label={t('rewards.stock')} extra={t('rewards.stockHelp')}>
          <InputNumber precision={0} placeholder={t('rewards.unlimited')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="perCustomerLimit" label={t('rewards.perCustomerLimit')}>
          <InputNumber precision={0} placeholder={t('rewards.noLimit')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="tiers" label={t('rewards.tiers')} extra={t('rewards.tiersHelp')}>
          <Select mode="multiple" allowClear placeholder={t('rewards.everyone')} options={TIERS.map((tier) => ({ value: tier, label: t(`rewards.tierNames.${tier}`) }))} />
        </Form.Item>
        <Form.Item name="exclusive" label={t('rewards.exclusive')} extra={t('rewards.exclusiveHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="birthdayCoupon" label={t('rewards.birthdayCoupon')} extra={t('rewards.birthdayCouponHelp')} valuePropName="checked">
          <Switch disabled={!configReady} loading={open && plugin.isFetching} />
        </Form.Item>
        <Form.Item name="voucherValidDays" label={t('rewards.validDays')} rules={[{ required: true, type: 'number' }]}>
          <InputNumber precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="active" label={t('rewards.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  )
}

import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd'
import { useEffect, useState } from 'react'
import { createReward, updateReward, type Reward } from '../api'
import { errorText, issuesOf } from '../error-text'

const TIERS = ['diamond', 'silver', 'bronze', 'iron'] as const
const KINDS = ['voucher', 'discount', 'gift'] as const
const FIELDS = ['id', 'name', 'kind', 'costPoints', 'stock', 'perCustomerLimit', 'tiers', 'voucherValidDays', 'active'] as const

type Values = Omit<Reward, 'tiers'> & { tiers: Reward['tiers'] }

/** Adds a reward (`reward` undefined) or edits one; the server's refusals land on their fields. */
export function RewardModal({ open, reward, onClose }: { open: boolean; reward: Reward | undefined; onClose: () => void }) {
  const { t, language } = usePluginTranslation('points-membership')
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [refusal, setRefusal] = useState<string | null>(null)
  useEffect(() => {
    if (!open) return
    setRefusal(null)
    form.resetFields()
    form.setFieldsValue(reward ?? { kind: 'voucher', active: true, voucherValidDays: 30, stock: null, perCustomerLimit: null, tiers: null })
  }, [open, reward, form])

  const save = useMutation({
    mutationFn: ({ id, ...v }: Values) => {
      const body = { ...v, tiers: v.tiers && v.tiers.length > 0 ? v.tiers : null, stock: v.stock ?? null, perCustomerLimit: v.perCustomerLimit ?? null }
      return reward ? updateReward(reward.id, body) : createReward({ id, ...body })
    },
    onSuccess: () => {
      void message.success(t('rewards.saved'))
      void client.invalidateQueries({ queryKey: ['points-membership', 'rewards'] })
      onClose()
    },
    onError: (err) => {
      const issues = issuesOf(err)
      form.setFields(FIELDS.map((field) => ({ name: field, errors: issues.filter((i) => i.path.split('.')[0] === field).map((i) => i.message) })))
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
      <Form<Values> form={form} name="points-reward" layout="vertical" onFinish={(v) => { setRefusal(null); save.mutate({ ...v, id: reward?.id ?? v.id }) }}>
        <Form.Item name="id" label={t('rewards.id')} extra={t('rewards.idHelp')} rules={[{ required: !reward, whitespace: true }]}>
          <Input disabled={Boolean(reward)} maxLength={64} />
        </Form.Item>
        <Form.Item name="name" label={t('rewards.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('rewards.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`rewards.kinds.${k}`) }))} />
        </Form.Item>
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

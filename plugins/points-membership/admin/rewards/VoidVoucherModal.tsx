import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, Modal, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { voidVoucher } from '../api'
import { errorText, issuesOf } from '../error-text'

/** Voids an unused voucher with a reason; its points come back to the customer. */
export function VoidVoucherModal({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t, language } = usePluginTranslation('points-membership')
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<{ reason: string }>()
  const [refusal, setRefusal] = useState<string | null>(null)
  useEffect(() => { if (code) { form.resetFields(); setRefusal(null) } }, [code, form])
  const cancel = useMutation({
    mutationFn: (reason: string) => voidVoucher({ code: code!, reason }),
    onSuccess: () => {
      void message.success(t('rewards.voided', { code }))
      void client.invalidateQueries({ queryKey: ['points-membership'] })
      onClose()
    },
    onError: (err) => {
      form.setFields([{ name: 'reason', errors: issuesOf(err).filter((i) => i.path === 'reason').map((i) => i.message) }])
      setRefusal(errorText(t, err, language))
    },
  })
  return (
    <Modal
      open={code !== null}
      title={t('rewards.voidTitle', { code })}
      okText={t('rewards.void')}
      okButtonProps={{ danger: true, loading: cancel.isPending }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('rewards.voidHelp')}</Typography.Paragraph>
      <Form form={form} name="points-void" layout="vertical" onFinish={(v) => { setRefusal(null); cancel.mutate(v.reason.trim()) }}>
        <Form.Item name="reason" label={t('rewards.voidReason')} rules={[{ required: true, whitespace: true, min: 3, message: t('rewards.voidRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}

import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { adjustPoints, type Member } from '../api'
import { errorText, issuesOf } from '../error-text'

type Values = { direction: 'credit' | 'debit'; points: number; reason: string }

/** A fresh key per opened form: a double submit (or a retry after a lost answer) adjusts once. */
const newKey = () => `admin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/**
 * Adjusts a member's points: direction, amount and a required reason, then a confirmation showing
 * the balance before and after. The server's refusal (422 over the limit, 409 not enough points)
 * shows in the form.
 */
export function AdjustPointsModal({ member, name, open, onClose }: { member: Member; name: string; open: boolean; onClose: () => void }) {
  const { t, language } = usePluginTranslation('points-membership')
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [review, setReview] = useState<Values | null>(null)
  const [key, setKey] = useState(newKey)
  const [refusal, setRefusal] = useState<string | null>(null)

  useEffect(() => {
    if (open) { form.resetFields(); setReview(null); setRefusal(null); setKey(newKey()) }
  }, [open, form])

  const adjust = useMutation({
    mutationFn: (v: Values) => adjustPoints(member.customerId, { points: v.direction === 'debit' ? -v.points : v.points, reason: v.reason.trim(), idempotencyKey: key }),
    onSuccess: ({ entry }) => {
      void message.success(t('adjust.done', { balance: entry.balanceAfter.toLocaleString(language) }))
      void client.invalidateQueries({ queryKey: ['points-membership'] })
      onClose()
    },
    onError: (err) => {
      // Back to the form with the refusal on the fields it names, and the sentence above them.
      setReview(null)
      const issues = issuesOf(err)
      form.setFields((['points', 'reason'] as const).map((field) => ({ name: field, errors: issues.filter((i) => i.path === field).map((i) => i.message) })))
      setRefusal(errorText(t, err, language))
      setKey(newKey())
    },
  })

  const n = (v: number) => v.toLocaleString(language)
  const after = review ? member.balance + (review.direction === 'debit' ? -review.points : review.points) : 0
  return (
    <Modal
      open={open}
      title={review ? t('adjust.confirmTitle') : t('adjust.title', { name })}
      okText={review ? t('adjust.confirm') : t('adjust.review')}
      cancelText={t('common.cancel')}
      onCancel={() => (review ? setReview(null) : onClose())}
      onOk={() => (review ? adjust.mutate(review) : form.submit())}
      okButtonProps={{ loading: adjust.isPending, danger: review?.direction === 'debit' }}
      destroyOnHidden
    >
      {refusal && !review && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      {review ? (
        <Typography.Paragraph>
          {t(review.direction === 'debit' ? 'adjust.confirmDebit' : 'adjust.confirmCredit', { points: n(review.points), name, from: n(member.balance), to: n(after) })}
          <br />
          <Typography.Text type="secondary">{t('adjust.reason')}: {review.reason}</Typography.Text>
        </Typography.Paragraph>
      ) : (
        <Form<Values> form={form} name="points-adjust" layout="vertical" initialValues={{ direction: 'credit' }} onFinish={(v) => { setRefusal(null); setReview(v) }}>
          <Form.Item name="direction" label={t('adjust.direction')}>
            <Radio.Group optionType="button" options={[{ value: 'credit', label: t('adjust.credit') }, { value: 'debit', label: t('adjust.debit') }]} />
          </Form.Item>
          <Form.Item name="points" label={t('adjust.points')} rules={[{ required: true, type: 'integer', min: 1, message: t('adjust.pointsRequired') }]}>
            <InputNumber min={1} precision={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('adjust.reason')} extra={t('adjust.reasonHelp')} rules={[{ required: true, whitespace: true, min: 3, message: t('adjust.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}

import { StaffName, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Alert, Divider, Form, Input, List, Modal, Radio, Skeleton, Typography } from 'antd'
import { type FollowUp, getFollowUp, recordAttempt, type VisitAttempt } from '../../api'
import { useComplaintError } from '../use-complaint-error'
import { VisitReschedule } from './VisitReschedule'

type Values = { outcome: VisitAttempt['outcome']; satisfied?: 'yes' | 'no'; notes?: string }

/** One call of a visit: the call script in the page's language, earlier calls, and the outcome. */
export function VisitCallModal({ visit, onClose }: { visit: FollowUp | null; onClose: () => void }) {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const [form] = Form.useForm<Values>()
  const outcome = Form.useWatch('outcome', form)
  const detail = useQuery({ queryKey: ['complaint-tracking', 'follow-up', visit?.id], queryFn: ({ signal }) => getFollowUp(visit!.id, signal), enabled: visit !== null })
  const saving = useMutation({
    mutationFn: (v: Values) => recordAttempt(visit!.id, {
      outcome: v.outcome, ...(v.outcome === 'reached' ? { satisfied: v.satisfied === 'yes' } : {}), ...(v.notes?.trim() ? { notes: v.notes.trim() } : {}),
    }),
    onSuccess: (saved) => {
      void message.success(saved.status === 'pending' ? t('visits.retryAt', { at: dateTime(saved.dueAt) }) : t('followUps.recorded'))
      onClose()
      void client.invalidateQueries({ queryKey: ['complaint-tracking'] })
    },
    onError: (err) => void message.error(messageOf(err)),
  })
  const script = detail.data?.script[language === 'zh-CN' ? 'zh-CN' : 'en']
  return (
    <Modal open={visit !== null} title={t('visits.callTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={saving.isPending} destroyOnHidden width={640}>
      {detail.isPending ? <Skeleton active /> : script && <Alert type="info" showIcon={false} message={t('visits.script')} description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{script}</Typography.Paragraph>} />}
      {(detail.data?.attemptLog.length ?? 0) > 0 && (
        <List size="small" header={t('visits.earlier')} dataSource={detail.data!.attemptLog}
          renderItem={(a) => <List.Item>{t(`visits.outcome.${a.outcome}`)} · <StaffName value={a.recordedBy} /> · {dateTime(a.at)}{a.notes ? ` · ${a.notes}` : ''}</List.Item>} />
      )}
      <Form<Values> form={form} layout="vertical" name="complaint-visit-call" initialValues={{ outcome: 'reached', satisfied: 'yes' }} onFinish={(v: Values) => saving.mutate(v)} style={{ marginTop: 16 }}>
        <Form.Item name="outcome" label={t('visits.outcomeLabel')}>
          <Radio.Group options={(['reached', 'not_reached', 'wrong_number'] as const).map((o) => ({ value: o, label: t(`visits.outcome.${o}`) }))} />
        </Form.Item>
        {outcome === 'reached' && (
          <Form.Item name="satisfied" label={t('followUps.satisfied')}>
            <Radio.Group options={[{ value: 'yes', label: t('visits.satisfiedYes') }, { value: 'no', label: t('visits.satisfiedNo') }]} />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('followUps.notes')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} /></Form.Item>
      </Form>
      {visit && <><Divider />{<VisitReschedule visit={visit} onDone={onClose} />}</>}
    </Modal>
  )
}

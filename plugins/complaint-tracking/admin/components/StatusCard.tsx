import { StaffSelect, usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { type CaseDetail, type Transition, assign, transition } from '../api'
import { useCaseAction } from './use-case-action'
import { useComplaintPermissions } from './use-complaint-permissions'
import { resolutionCodes, useComplaintLabels } from './use-complaint-labels'

type ResolveValues = { resolutionCode: string; summary: string; goodwillPoints?: number | null }

/** Assignment, the allowed status moves (reopen included) and the resolution form: each only for roles that may use it; nothing for those that may use none. */
export function StatusCard({ kase }: { kase: CaseDetail }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { config, resolution } = useComplaintLabels()
  const [assignee, setAssignee] = useState<string | undefined>(kase.assigneeId ?? undefined)
  const [reason, setReason] = useState('')
  const [resolving, setResolving] = useState(false)
  const assigning = useCaseAction(kase.id, (to: string | null) => assign(kase.id, to))
  const moving = useCaseAction(kase.id, (body: Transition) => transition(kase.id, body), () => { setReason(''); setResolving(false) })
  const reopening = kase.status === 'resolved' || kase.status === 'closed'
  const moves = kase.allowedTransitions.filter((to) => to !== 'resolved')
  const canCredit = kase.customerId !== null
  const may = useComplaintPermissions()
  if (!may.assign && !may.move) return null
  return (
    <Card title={t('detail.actions')}>
      <Flex vertical gap={16}>
        {kase.status !== 'closed' && may.assign && (
          <Form layout="vertical" name="complaint-assign" onFinish={() => assigning.mutate(assignee ?? null)}>
            <Form.Item label={t('detail.assignTo')} htmlFor="complaint-assignee" style={{ marginBottom: 8 }}>
              <StaffSelect id="complaint-assignee" ariaLabel={t('detail.assignTo')} value={assignee} placeholder={t('detail.assignPlaceholder')} onChange={setAssignee} style={{ width: '100%' }}
                teams={kase.assigneeId?.startsWith('team:') ? [kase.assigneeId.slice('team:'.length)] : []} />
            </Form.Item>
            <Space>
              <Button htmlType="submit" loading={assigning.isPending} disabled={!assignee || assignee === kase.assigneeId}>{t('detail.assign')}</Button>
              {kase.assigneeId && <Button onClick={() => { setAssignee(undefined); assigning.mutate(null) }}>{t('detail.unassign')}</Button>}
            </Space>
          </Form>
        )}
        {may.move && moves.length > 0 && (
          <Flex vertical gap={8}>
            <Form.Item label={t('detail.reason')} htmlFor="complaint-reason" layout="vertical" style={{ marginBottom: 0 }}>
              <Input id="complaint-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
            </Form.Item>
            <Flex gap={8} wrap>
              {moves.map((to) => (
                <Button key={to} loading={moving.isPending && moving.variables?.to === to}
                  onClick={() => moving.mutate({ to, ...(reason.trim() ? { reason: reason.trim() } : {}) })}>
                  {reopening && to === 'open' ? t('detail.reopen') : t('detail.moveTo', { status: t(`status.${to}`) })}
                </Button>
              ))}
            </Flex>
          </Flex>
        )}
        {may.move && kase.allowedTransitions.includes('resolved') && (resolving ? (
          <Form<ResolveValues> layout="vertical" name="complaint-resolve" aria-label={t('detail.resolveTitle')}
            onFinish={(v) => moving.mutate({ to: 'resolved', resolutionCode: v.resolutionCode, summary: v.summary.trim(), ...(v.goodwillPoints ? { goodwillPoints: v.goodwillPoints } : {}) })}>
            <Typography.Title level={5}>{t('detail.resolveTitle')}</Typography.Title>
            <Form.Item name="resolutionCode" label={t('detail.resolutionCode')} rules={[{ required: true, message: t('detail.resolutionCode') }]}>
              <Select aria-label={t('detail.resolutionCode')} options={resolutionCodes.map((code) => ({ value: code, label: resolution(code) }))} />
            </Form.Item>
            <Form.Item name="summary" label={t('detail.summary')} rules={[{ required: true, whitespace: true, message: t('detail.summary') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
            {canCredit && (
              <Form.Item name="goodwillPoints" label={t('detail.goodwillPoints')} extra={t('detail.goodwillHint', { max: config.data?.maxGoodwillPoints ?? '' })}>
                <InputNumber min={1} max={config.data?.maxGoodwillPoints} precision={0} style={{ width: 200 }} />
              </Form.Item>
            )}
            <Space>
              <Button type="primary" htmlType="submit" loading={moving.isPending}>{t('detail.resolve')}</Button>
              <Button onClick={() => setResolving(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        ) : (
          <div><Button type="primary" onClick={() => setResolving(true)}>{t('detail.resolve')}</Button></div>
        ))}
      </Flex>
    </Card>
  )
}

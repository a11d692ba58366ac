import { StaffSelect, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, DatePicker, Flex, Form } from 'antd'
import { useState } from 'react'
import { type FollowUp, updateFollowUp } from '../../api'
import { useComplaintError } from '../use-complaint-error'
import { useComplaintPermissions } from '../use-complaint-permissions'

/** Gives a pending visit another time or owner; the server checks the owner is an active colleague. */
export function VisitReschedule({ visit, onDone }: { visit: FollowUp; onDone: () => void }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const may = useComplaintPermissions()
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const [ownerId, setOwnerId] = useState<string | null>(visit.ownerId)
  const [dueAt, setDueAt] = useState<string | undefined>()
  const saving = useMutation({
    mutationFn: () => updateFollowUp(visit.id, { ...(dueAt ? { dueAt } : {}), ...(ownerId !== visit.ownerId ? { ownerId } : {}) }),
    onSuccess: () => {
      void message.success(t('visits.rescheduled'))
      onDone()
      void client.invalidateQueries({ queryKey: ['complaint-tracking'] })
    },
    onError: (err) => void message.error(messageOf(err)),
  })
  if (!may.rescheduleFollowUp) return null
  return (
    <Form layout="vertical" name="complaint-visit-reschedule">
      <Flex gap={12} wrap>
        <Form.Item label={t('visits.owner')} style={{ flex: '1 1 200px', marginBottom: 8 }}>
          <StaffSelect ariaLabel={t('visits.owner')} value={ownerId} allowClear placeholder={t('common.unassigned')} onChange={(v) => setOwnerId(v ?? null)} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('visits.newTime')} style={{ flex: '1 1 200px', marginBottom: 8 }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label={t('visits.newTime')} style={{ width: '100%' }}
            onChange={(d) => setDueAt(d ? d.toDate().toISOString() : undefined)} />
        </Form.Item>
      </Flex>
      <Button onClick={() => saving.mutate()} loading={saving.isPending} disabled={!dueAt && ownerId === visit.ownerId}>{t('visits.reschedule')}</Button>
    </Form>
  )
}

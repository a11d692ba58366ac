import { StaffSelect, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Flex, Input, Select, Typography } from 'antd'
import { useState } from 'react'
import { statuses } from '../../shared/vocabulary'
import { bulkUpdate } from '../api'
import { useComplaintError } from './use-complaint-error'

/** Actions on the selected cases: assign, change status, add a tag; says how many were refused and why. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const reasonOf = (e: { code: string; message: string }) => { const key = `errors.${e.code}`; const text = t(key); return text === key ? e.message : text }
  const [assignee, setAssignee] = useState<string | undefined>()
  const [status, setStatus] = useState<string | undefined>()
  const [tag, setTag] = useState('')
  const run = useMutation({
    mutationFn: () => bulkUpdate({ ids, ...(assignee ? { assigneeId: assignee } : {}), ...(status ? { status } : {}), ...(tag.trim() ? { addTags: [tag.trim()] } : {}) }),
    onSuccess: ({ results }) => {
      const refused = results.filter((r) => !r.ok)
      if (refused.length === 0) void message.success(t('bulk.done', { count: results.length }))
      else void message.warning(t('bulk.partly', { done: results.length - refused.length, refused: refused.length, reason: reasonOf(refused[0]!.error!) }))
      setAssignee(undefined); setStatus(undefined); setTag('')
      onDone()
      void client.invalidateQueries({ queryKey: ['complaint-tracking', 'cases'] })
    },
    onError: (err) => void message.error(messageOf(err)),
  })
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('bulk.selected', { count: ids.length })}</Typography.Text>
      <StaffSelect ariaLabel={t('bulk.assign')} placeholder={t('bulk.assign')} allowClear value={assignee} onChange={setAssignee} />
      <Select<string> aria-label={t('bulk.status')} placeholder={t('bulk.status')} allowClear value={status} onChange={setStatus} style={{ minWidth: 150 }}
        options={statuses.filter((s) => s !== 'new' && s !== 'resolved').map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <Input aria-label={t('bulk.tag')} placeholder={t('bulk.tag')} value={tag} maxLength={40} onChange={(e) => setTag(e.target.value)} style={{ width: 150 }} />
      <Button type="primary" onClick={() => run.mutate()} loading={run.isPending} disabled={!assignee && !status && !tag.trim()}>{t('bulk.apply')}</Button>
    </Flex>
  )
}

import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Checkbox, Flex, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { type CaseFilters, deleteView, listViews, saveView } from '../api'
import { useComplaintError } from './use-complaint-error'

/** "My queue" and the person's saved views of the case list: apply, save the current filters, delete. */
export function ViewBar({ filters, onApply }: { filters: CaseFilters; onApply: (f: CaseFilters) => void }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [current, setCurrent] = useState<string | null>(null)
  const views = useQuery({ queryKey: ['complaint-tracking', 'views'], queryFn: ({ signal }) => listViews(signal) })
  const refresh = () => void client.invalidateQueries({ queryKey: ['complaint-tracking', 'views'] })
  const save = useMutation({
    mutationFn: () => saveView(name.trim(), filters),
    onSuccess: (v) => { setNaming(false); setName(''); setCurrent(v.id); void message.success(t('views.saved')); refresh() },
    onError: (err) => void message.error(messageOf(err)),
  })
  const remove = useMutation({ mutationFn: (id: string) => deleteView(id), onSuccess: () => { setCurrent(null); refresh() }, onError: (err) => void message.error(messageOf(err)) })
  return (
    <Flex gap={12} wrap align="center">
      <Checkbox checked={filters.assignee === 'me'} onChange={(e) => onApply({ ...filters, assignee: e.target.checked ? 'me' : undefined })}>{t('views.myQueue')}</Checkbox>
      <Select<string> aria-label={t('views.saved_views')} placeholder={t('views.saved_views')} allowClear value={current} style={{ minWidth: 200 }}
        options={(views.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
        onChange={(id?: string) => { setCurrent(id ?? null); const v = views.data?.items.find((x) => x.id === id); onApply(v ? { ...v.filters } : {}) }} />
      <Button onClick={() => setNaming(true)}>{t('views.save')}</Button>
      {current && <Button danger onClick={() => remove.mutate(current)} loading={remove.isPending}>{t('views.delete')}</Button>}
      <Modal open={naming} title={t('views.save')} onCancel={() => setNaming(false)} onOk={() => save.mutate()} okButtonProps={{ disabled: !name.trim() }}
        okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} destroyOnHidden>
        <Input aria-label={t('views.name')} placeholder={t('views.name')} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
      </Modal>
    </Flex>
  )
}

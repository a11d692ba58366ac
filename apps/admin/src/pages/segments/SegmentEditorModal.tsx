import { errorMessage, useDebouncedValue } from '@rapport/admin-kit'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Flex, Input, Modal, Statistic, Typography } from 'antd'
import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createSegment, previewSegment, replaceSegment, type Segment } from '../../api/segments'
import { SegmentBuilder } from './SegmentBuilder'
import { isDraftComplete, toDefinition, toDraft, type Draft } from './segment-draft'
import { useProfileFields } from './use-profile-fields'

type Props = { open: boolean; segment: Segment | undefined; onClose(): void }

/** Create or edit a segment: its name, the builder, and the live count of the definition as built. */
export function SegmentEditorModal({ open, segment, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const nameId = useId()
  const fieldsByPlugin = useProfileFields()
  const [name, setName] = useState('')
  const [draft, setDraft] = useState<Draft>({ match: 'all', groups: [] })
  useEffect(() => {
    if (!open) return
    setName(segment?.name ?? '')
    setDraft(segment ? toDraft(segment.definition) : { match: 'all', groups: [] })
  }, [open, segment])

  const definition = useMemo(() => toDefinition(draft), [draft])
  const debounced = useDebouncedValue(definition, 300)
  const preview = useQuery({
    queryKey: ['segments', 'preview', debounced],
    queryFn: ({ signal }) => previewSegment(debounced!, signal),
    enabled: open && debounced !== undefined,
    placeholderData: keepPreviousData,
  })
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), definition: definition! }
      return segment ? replaceSegment(segment.id, body) : createSegment(body)
    },
    onSuccess: () => {
      void message.success(t('segments.saved'))
      void client.invalidateQueries({ queryKey: ['segments'] })
      onClose()
    },
  })
  const canSave = name.trim().length > 0 && definition !== undefined && isDraftComplete(draft)
  return (
    <Modal
      open={open}
      width={920}
      title={segment ? t('segments.editTitle') : t('segments.createTitle')}
      okText={t('segments.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !canSave, loading: save.isPending }}
      onOk={() => save.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Flex vertical gap={4}>
          <label htmlFor={nameId}>{t('segments.name')}</label>
          <Input id={nameId} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} style={{ maxWidth: 420 }} />
        </Flex>
        <SegmentBuilder draft={draft} fieldsByPlugin={fieldsByPlugin} onChange={setDraft} />
        <Flex align="center" gap={12} aria-live="polite" data-testid="segment-preview">
          {definition === undefined ? (
            <Typography.Text type="secondary">{t('segments.previewEmpty')}</Typography.Text>
          ) : preview.isError ? (
            <Alert type="error" showIcon title={errorMessage(t, preview.error)} />
          ) : (
            <Statistic title={t('segments.previewCount')} value={preview.data?.count ?? '…'} loading={preview.isPending}
              formatter={(v) => (typeof v === 'number' ? v.toLocaleString(i18n.resolvedLanguage) : String(v))} />
          )}
        </Flex>
        {save.isError && <Alert type="error" showIcon role="alert" title={errorMessage(t, save.error)} />}
      </Flex>
    </Modal>
  )
}

import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Input, Popconfirm, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { type CaseDetail, listCases, mergeCase } from '../api'
import { paths } from './paths'
import { useComplaintError } from './use-complaint-error'

/** Merges this case, a duplicate, into another of the same customer found by its number. */
export function MergeCard({ kase }: { kase: CaseDetail }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [number, setNumber] = useState('')
  const valid = /^CT-\d{4}-\d{6,}$/.test(number.trim())
  const merge = useMutation({
    mutationFn: async () => {
      const target = (await listCases({ number: number.trim() })).items[0]
      if (!target) throw new Error(t('merge.notFound', { number: number.trim() }))
      return mergeCase(kase.id, target.id)
    },
    onSuccess: (survivor) => {
      void message.success(t('merge.done'))
      void client.invalidateQueries({ queryKey: ['complaint-tracking'] })
      void navigate(paths.detail(survivor.id))
    },
    onError: (err) => void message.error(messageOf(err)),
  })
  return (
    <Card title={t('merge.title')}>
      <Typography.Paragraph type="secondary">{t('merge.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Input aria-label={t('merge.number')} placeholder="CT-2026-000123" value={number} onChange={(e) => setNumber(e.target.value)} style={{ flex: '1 1 160px' }} />
        <Popconfirm title={t('merge.confirm')} okText={t('merge.action')} cancelText={t('common.cancel')} onConfirm={() => merge.mutate()} disabled={!valid}>
          <Button disabled={!valid} loading={merge.isPending}>{t('merge.action')}</Button>
        </Popconfirm>
      </Flex>
    </Card>
  )
}

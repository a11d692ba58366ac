import { PageLoading, QueryErrorResult, useCan, usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { type Campaign, listCampaigns } from './campaign-api'
import { CampaignCalendar } from './CampaignCalendar'
import { CampaignForm } from './CampaignForm'
import { CampaignTable } from './CampaignTable'

/** Campaigns: the list, the calendar, and the form (with its impact preview) in a drawer. */
export default function CampaignsPage() {
  const { t } = usePluginTranslation('points-membership')
  const canEdit = useCan()('POST', '/api/p/points-membership/campaigns')
  const campaigns = useQuery({ queryKey: ['points-membership', 'campaigns'], queryFn: ({ signal }) => listCampaigns(signal) })
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null)
  if (campaigns.isPending) return <PageLoading />
  if (campaigns.isError) return <QueryErrorResult error={campaigns.error} onRetry={() => void campaigns.refetch()} />
  const open = canEdit ? (c: Campaign) => setEditing(c) : () => undefined
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div style={{ flex: '1 1 320px' }}>
          <Typography.Title level={2} style={{ marginTop: 0 }}>{t('campaigns.title')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('campaigns.intro')}</Typography.Paragraph>
        </div>
        {canEdit && <Button type="primary" onClick={() => setEditing('new')}>{t('campaigns.add')}</Button>}
      </Flex>
      <Tabs
        items={[
          { key: 'list', label: t('campaigns.list'), children: <CampaignTable campaigns={campaigns.data} canEdit={canEdit} onEdit={open} /> },
          { key: 'calendar', label: t('campaigns.calendar'), children: <CampaignCalendar campaigns={campaigns.data} onOpen={open} /> },
        ]}
      />
      <CampaignForm open={editing !== null} campaign={editing === 'new' || editing === null ? undefined : editing} onClose={() => setEditing(null)} />
    </Flex>
  )
}

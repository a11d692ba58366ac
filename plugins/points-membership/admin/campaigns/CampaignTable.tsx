import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Button, Table, Tag } from 'antd'
import type { Campaign } from './campaign-api'
import { campaignDays, rewardText, STATE_COLOURS } from './campaign-labels'

type Props = { campaigns: Campaign[]; canEdit: boolean; onEdit: (campaign: Campaign) => void }

/** Every campaign with its reward, dates, budget use and state. */
export function CampaignTable({ campaigns, canEdit, onEdit }: Props) {
  const { t, language } = usePluginTranslation('points-membership')
  const { date, timeZone } = useFormatters()
  const n = (value: number) => value.toLocaleString(language)
  return (
    <Table<Campaign>
      rowKey="id"
      dataSource={campaigns}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('campaigns.empty') }}
      columns={[
        { key: 'name', title: t('campaigns.name'), dataIndex: 'name' },
        { key: 'reward', title: t('campaigns.reward'), render: (_, c) => `${t(`campaigns.kinds.${c.kind}`)} ${rewardText(t, c, language)}` },
        { key: 'window', title: t('campaigns.window'), render: (_, c) => campaignDays(c, timeZone).map(date).join(' – ') },
        {
          key: 'issued', title: t('campaigns.issued'),
          render: (_, c) => (c.budgetPoints === null ? n(c.issuedPoints) : t('campaigns.issuedOfBudget', { issued: n(c.issuedPoints), budget: n(c.budgetPoints) })),
        },
        { key: 'state', title: t('campaigns.state'), render: (_, c) => <Tag color={STATE_COLOURS[c.state]}>{t(`campaigns.states.${c.state}`)}</Tag> },
        ...(canEdit ? [{
          key: 'actions', title: t('campaigns.actions'),
          render: (_: unknown, c: Campaign) => <Button size="small" onClick={() => onEdit(c)} aria-label={`${t('campaigns.edit')} ${c.name}`}>{t('campaigns.edit')}</Button>,
        }] : []),
      ]}
    />
  )
}

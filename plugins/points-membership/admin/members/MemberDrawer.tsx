import { CustomerName, PageLoading, QueryErrorResult, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Descriptions, Drawer, Flex, Popconfirm, Tabs } from 'antd'
import { useState } from 'react'
import { getMember, setMemberStatus, type Member, type MemberStatus } from '../api'
import { errorText } from '../error-text'
import { AdjustPointsModal } from './AdjustPointsModal'
import { LotsTable } from './LotsTable'
import { MemberLinkButton } from './MemberLinkButton'
import { MemberStatusTag } from './MemberStatusTag'
import { StatementView } from './StatementView'
import { usePointsPermissions } from '../use-points-permissions'

/** One member: totals, actions, the statement with its entries, and the lots. */
export function MemberDrawer({ customerId, name, onClose }: { customerId: string | null; name: string | undefined; onClose: () => void }) {
  const { t } = usePluginTranslation('points-membership')
  const member = useQuery({
    queryKey: ['points-membership', 'member', customerId],
    queryFn: ({ signal }) => getMember(customerId!, signal),
    enabled: customerId !== null,
  })
  const shown = name ?? (customerId ? t('common.unknownCustomer', { id: customerId }) : '')
  return (
    <Drawer
      open={customerId !== null}
      onClose={onClose}
      size={760}
      title={member.data ? t('member.title', { name: shown, memberNo: member.data.memberNo }) : shown}
      destroyOnHidden
    >
      {member.isPending ? <PageLoading /> : member.isError ? (
        <QueryErrorResult error={member.error} onRetry={() => void member.refetch()} />
      ) : (
        <MemberDetail member={member.data} name={shown} />
      )}
    </Drawer>
  )
}

function MemberDetail({ member, name }: { member: Member; name: string }) {
  const { t, language } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [adjusting, setAdjusting] = useState(false)
  const may = usePointsPermissions()
  const n = (v: number) => v.toLocaleString(f.language)
  const status = useMutation({
    mutationFn: (next: MemberStatus) => setMemberStatus(member.customerId, next),
    onSuccess: (m) => {
      void message.success(t('member.statusChanged', { status: t(`status.${m.status}`) }))
      void client.invalidateQueries({ queryKey: ['points-membership'] })
    },
    onError: (err) => void message.error(errorText(t, err, language)),
  })
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t('members.member')}><CustomerName id={member.customerId} /></Descriptions.Item>
        <Descriptions.Item label={t('member.balance')}><strong data-testid="member-balance">{n(member.balance)}</strong></Descriptions.Item>
        <Descriptions.Item label={t('member.available')}>{n(member.available)}</Descriptions.Item>
        <Descriptions.Item label={t('member.pending')}>{n(member.pending)}</Descriptions.Item>
        <Descriptions.Item label={t('member.debt')}>{n(member.debt)}</Descriptions.Item>
        <Descriptions.Item label={t('member.lifetimeEarned')}>{n(member.lifetimeEarned)}</Descriptions.Item>
        <Descriptions.Item label={t('members.status')}><MemberStatusTag status={member.status} /></Descriptions.Item>
        <Descriptions.Item label={t('members.memberSince')}>{f.dateTime(member.joinedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('member.birthday')}>{member.birthday ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap>
        {may.adjust && <Button type="primary" onClick={() => setAdjusting(true)} disabled={member.status !== 'active'}>{t('member.adjust')}</Button>}
        {!may.setStatus ? null : member.status === 'active' ? (
          <Popconfirm title={t('member.suspendConfirm')} okText={t('member.suspend')} cancelText={t('common.cancel')} onConfirm={() => status.mutateAsync('suspended').catch(() => undefined)}>
            <Button loading={status.isPending}>{t('member.suspend')}</Button>
          </Popconfirm>
        ) : (
          <Popconfirm title={t('member.reactivateConfirm')} okText={t('member.reactivate')} cancelText={t('common.cancel')} onConfirm={() => status.mutateAsync('active').catch(() => undefined)}>
            <Button loading={status.isPending}>{t('member.reactivate')}</Button>
          </Popconfirm>
        )}
        {may.link && <MemberLinkButton customerId={member.customerId} />}
        {may.setStatus && member.status !== 'closed' && (
          <Popconfirm title={t('member.closeConfirm')} okText={t('member.close')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => status.mutateAsync('closed').catch(() => undefined)}>
            <Button danger loading={status.isPending}>{t('member.close')}</Button>
          </Popconfirm>
        )}
      </Flex>
      <Tabs
        items={[
          { key: 'statement', label: t('member.statement'), children: <StatementView customerId={member.customerId} /> },
          { key: 'lots', label: t('member.lots'), children: <LotsTable lots={member.lots} /> },
        ]}
      />
      <AdjustPointsModal member={member} name={name} open={adjusting} onClose={() => setAdjusting(false)} />
    </Flex>
  )
}

import UserAddOutlined from '@ant-design/icons/UserAddOutlined'
import { ListToolbar, QueryErrorResult, useDebouncedValue, useFormatters, useListKit, usePluginTranslation, type ListColumn } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Flex, Input, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { listMembers, searchCustomers, type MemberStatus, type MemberSummary } from '../api'
import { EnrolModal } from '../members/EnrolModal'
import { MemberDrawer } from '../members/MemberDrawer'
import { MemberStatusTag } from '../members/MemberStatusTag'
import { useMemberNames } from '../members/use-member-names'
import { Pager } from '../members/Pager'
import { usePointsPermissions } from '../use-points-permissions'

/** A member number as the search box may hold it. */
const looksLikeMemberNo = (q: string) => /^p\d{1,8}$/i.test(q)

/** Members with search, status filter and paging; a member opens in a drawer. */
export default function MembersPage() {
  const may = usePointsPermissions()
  const { t } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const [text, setText] = useState('')
  const q = useDebouncedValue(text.trim(), 300)
  const [status, setStatus] = useState<MemberStatus | undefined>()
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const [open, setOpen] = useState<string | null>(null)
  const [enrolling, setEnrolling] = useState(false)
  const cursor = cursors[cursors.length - 1]

  const members = useQuery({
    queryKey: ['points-membership', 'members', q, status, cursor],
    queryFn: async ({ signal }) => {
      // A name, email or external id is found in the core customer list (members only); a member
      // number or customer id by the plugin itself. Both narrow the same member list.
      const found = q && !looksLikeMemberNo(q) ? (await searchCustomers(q, true, signal)).map((c) => c.id) : []
      return listMembers({ ...(q ? { q } : {}), ...(found.length ? { customerId: found } : {}), ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, signal)
    },
    placeholderData: keepPreviousData,
  })
  const rows = members.data?.items ?? []
  const nameOf = useMemberNames(rows.map((r) => r.customerId))
  const restart = () => setCursors([undefined])
  const columns: ListColumn<MemberSummary>[] = [
    {
      title: t('members.member'), key: 'name', hideable: false,
      exportValue: (m) => nameOf(m.customerId) ?? t('common.unknownCustomer', { id: m.customerId }),
      render: (_, m) => {
        const name = nameOf(m.customerId) ?? t('common.unknownCustomer', { id: m.customerId })
        return <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(m.customerId)} aria-label={t('members.open', { name })}>{name}</Button>
      },
    },
    { title: t('members.memberNo'), key: 'memberNo', dataIndex: 'memberNo' },
    { title: t('members.status'), key: 'status', dataIndex: 'status', render: (s: MemberStatus) => <MemberStatusTag status={s} />, exportValue: (m) => t(`status.${m.status}`) },
    { title: t('members.balance'), key: 'balance', dataIndex: 'balance', align: 'right', render: (n: number, m) => (
      <span>{n.toLocaleString(f.language)}{m.debt > 0 && <Typography.Text type="danger"> ({t('members.debt')} {m.debt.toLocaleString(f.language)})</Typography.Text>}</span>
    ) },
    { title: t('members.lifetimeEarned'), key: 'lifetimeEarned', dataIndex: 'lifetimeEarned', align: 'right', render: (n: number) => n.toLocaleString(f.language) },
    { title: t('members.expiringSoon'), key: 'expiringSoon', dataIndex: 'expiringSoon', align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n.toLocaleString(f.language)}</Typography.Text> : 0) },
    { title: t('members.memberSince'), key: 'joinedAt', dataIndex: 'joinedAt', render: (iso: string) => f.dateTime(iso), exportValue: (m) => f.dateTime(m.joinedAt) },
  ]
  const kit = useListKit<MemberSummary, { q?: string; status?: MemberStatus }>({
    id: 'points-membership.members',
    columns,
    filters: { q: text.trim() || undefined, status },
    onApplyFilters: (saved) => { setText(saved.q ?? ''); setStatus(saved.status); restart() },
  })

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginTop: 0 }}>{t('members.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('members.intro')}</Typography.Paragraph>
      </div>
      <ListToolbar kit={kit} exportName={t('members.title')} rows={() => rows} onReload={() => void members.refetch()}>
        <Input.Search
          aria-label={t('members.search')}
          placeholder={t('members.searchPlaceholder')}
          allowClear
          value={text}
          onChange={(e) => { setText(e.target.value); restart() }}
          style={{ maxWidth: 360 }}
        />
        <Select
          aria-label={t('members.statusFilter')}
          value={status ?? ''}
          onChange={(v: string) => { setStatus(v === '' ? undefined : (v as MemberStatus)); restart() }}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('members.anyStatus') },
            ...(['active', 'suspended', 'closed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        {may.enrol && <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEnrolling(true)} style={{ marginInlineStart: 'auto' }}>
          {t('members.enrol')}
        </Button>}
      </ListToolbar>
      {members.isError ? (
        <QueryErrorResult error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <>
          <Table<MemberSummary>
            rowKey="customerId"
            loading={members.isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('members.empty') }}
            size={kit.size}
            columns={kit.columns}
          />
          <Pager
            page={cursors.length}
            hasPrevious={cursors.length > 1}
            hasNext={Boolean(members.data?.nextCursor)}
            onPrevious={() => setCursors((c) => c.slice(0, -1))}
            onNext={() => members.data?.nextCursor && setCursors((c) => [...c, members.data!.nextCursor!])}
          />
        </>
      )}
      <MemberDrawer customerId={open} name={open ? nameOf(open) : undefined} onClose={() => setOpen(null)} />
      <EnrolModal open={enrolling} onClose={() => setEnrolling(false)} onEnrolled={(id) => { setEnrolling(false); setOpen(id) }} />
    </Flex>
  )
}

import UserAddOutlined from '@ant-design/icons/UserAddOutlined'
import { errorMessage, ListToolbar, useFormatters, useListKit } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Flex, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { updateUser, type AdminUser, type Role } from '../../api/users'
import { useSession } from '../../auth/session-query'
import { CreateUserModal } from './CreateUserModal'
import { ResetPasswordModal } from './ResetPasswordModal'
import { userColumns } from './user-columns'
import { userErrorMessage } from './user-error-message'
import { userListQuery } from './user-queries'

type Patch = { user: AdminUser; patch: { role?: Role; disabled?: boolean } }

/** `/admin/users` (owners and admins): staff accounts, their roles and state; add, change role, disable, reset password. */
export default function UsersPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const { dateTime } = useFormatters()
  const { data: me } = useSession()
  const users = useQuery(userListQuery)
  const [creating, setCreating] = useState(false)
  const [resetting, setResetting] = useState<AdminUser | null>(null)
  /** The last refused change, with the server's coded message: it stays until the next change. */
  const [refusal, setRefusal] = useState<string | null>(null)

  const store = (updated: AdminUser) => queryClient.setQueryData<AdminUser[]>(userListQuery.queryKey, (list) => list?.map((u) => (u.id === updated.id ? updated : u)))
  const change = useMutation({
    mutationFn: ({ user, patch }: Patch) => updateUser(user.id, patch),
    onMutate: () => setRefusal(null),
    onSuccess: (updated, { user, patch }) => {
      store(updated)
      const key = patch.role ? 'users.roleChanged' : patch.disabled ? 'users.disable.done' : 'users.enable.done'
      void message.success(t(key, { name: user.name, role: t(`roles.${updated.role}`) }))
    },
    onError: (err, { user }) => setRefusal(t('users.refused', { name: user.name, reason: userErrorMessage(t, err) })),
  })

  const kit = useListKit<AdminUser>({
    id: 'users',
    columns: userColumns(t, {
      currentUserId: me?.id,
      busyUserId: change.isPending ? change.variables?.user.id : undefined,
      dateTime,
      changeRole: (user, role) => change.mutate({ user, patch: { role } }),
      setDisabled: (user, disabled) => change.mutate({ user, patch: { disabled } }),
      resetPassword: setResetting,
    }),
  })

  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {t('users.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('users.intro')}</Typography.Paragraph>
        </div>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('users.create.open')}
        </Button>
      </Flex>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} closable={{ 'aria-label': t('common.close') }} onClose={() => setRefusal(null)} style={{ marginBottom: 16 }} />}
      {users.isError && <Alert type="error" showIcon title={errorMessage(t, users.error)} style={{ marginBottom: 16 }} />}
      <ListToolbar kit={kit} exportName={t('users.title')} rows={() => users.data ?? []} onReload={() => void users.refetch()} />
      <Table<AdminUser>
        aria-label={t('users.tableLabel')}
        rowKey="id"
        dataSource={users.data ?? []}
        loading={users.isPending}
        pagination={false}
        scroll={{ x: 860 }}
        size={kit.size}
        columns={kit.columns}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false)
          queryClient.setQueryData<AdminUser[]>(userListQuery.queryKey, (list) => [...(list ?? []), user])
          void message.success(t('users.create.done', { name: user.name }))
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null)
          store(user)
          void message.success(t('users.reset.done', { name: user.name }))
        }}
      />
    </Card>
  )
}

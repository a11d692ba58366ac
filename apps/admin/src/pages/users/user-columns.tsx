import type { ListColumn } from '@rapport/admin-kit'
import { Button, Flex, Popconfirm, Select, Tag, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { roles, type AdminUser, type Role } from '../../api/users'

/** What a row can do, wired by the page. */
export type UserRowActions = {
  currentUserId: string | undefined
  busyUserId: string | undefined
  dateTime: (iso: string) => string
  changeRole: (user: AdminUser, role: Role) => void
  setDisabled: (user: AdminUser, disabled: boolean) => void
  resetPassword: (user: AdminUser) => void
}

/** Columns of the users table: who, role (changed in place), state, created, and the row's actions. */
export const userColumns = (t: TFunction, a: UserRowActions): ListColumn<AdminUser>[] => [
  {
    key: 'name',
    title: t('users.fields.name'),
    hideable: false,
    exportValue: (user) => `${user.name} <${user.email}>`,
    render: (_, user) => (
      <Flex vertical>
        <Typography.Text strong>
          {user.name} {user.id === a.currentUserId && <Tag>{t('users.you')}</Tag>}
        </Typography.Text>
        <Typography.Text type="secondary">{user.email}</Typography.Text>
      </Flex>
    ),
  },
  {
    key: 'role',
    title: t('users.fields.role'),
    exportValue: (user) => t(`roles.${user.role}`),
    render: (_, user) => (
      <Select<Role>
        aria-label={t('users.roleOf', { name: user.name })}
        value={user.role}
        style={{ width: 160 }}
        disabled={a.busyUserId === user.id}
        options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        onChange={(role) => a.changeRole(user, role)}
      />
    ),
  },
  {
    key: 'state',
    title: t('users.fields.state'),
    exportValue: (user) => t(user.disabledAt ? 'users.states.disabled' : 'users.states.active'),
    render: (_, user) => (user.disabledAt ? <Tag color="default">{t('users.states.disabled')}</Tag> : <Tag color="green">{t('users.states.active')}</Tag>),
  },
  { key: 'createdAt', title: t('users.fields.createdAt'), render: (_, user) => a.dateTime(user.createdAt), exportValue: (user) => a.dateTime(user.createdAt) },
  {
    key: 'actions',
    title: t('users.fields.actions'),
    exportable: false,
    render: (_, user) => {
      const disabling = user.disabledAt === null
      return (
        <Flex gap={8} wrap>
          <Popconfirm
            title={t(disabling ? 'users.disable.confirm' : 'users.enable.confirm', { name: user.name })}
            okText={t(disabling ? 'users.disable.action' : 'users.enable.action')}
            cancelText={t('common.cancel')}
            onConfirm={() => a.setDisabled(user, disabling)}
          >
            <Button size="small" danger={disabling} disabled={a.busyUserId === user.id} aria-label={t(disabling ? 'users.disable.label' : 'users.enable.label', { name: user.name })}>
              {t(disabling ? 'users.disable.action' : 'users.enable.action')}
            </Button>
          </Popconfirm>
          <Button size="small" onClick={() => a.resetPassword(user)} aria-label={t('users.reset.label', { name: user.name })}>
            {t('users.reset.action')}
          </Button>
        </Flex>
      )
    },
  },
]

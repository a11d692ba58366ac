import LogoutOutlined from '@ant-design/icons/LogoutOutlined'
import UserOutlined from '@ant-design/icons/UserOutlined'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Avatar, Button, Dropdown, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { logout } from '../api/auth'
import { sessionQueryKey, useSession } from '../auth/session-query'
import { errorMessage } from '@rapport/admin-kit'
import { loginPath } from '../router-paths'

/** The signed-in user's name and role, with a menu to sign out. */
export function UserMenu() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { data: user } = useSession()
  const signOut = useMutation({
    mutationFn: logout,
    onSuccess: async () => {
      await navigate(loginPath, { replace: true })
      queryClient.setQueryData(sessionQueryKey, null)
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] })
    },
    onError: (err) => void message.error(errorMessage(t, err)),
  })
  if (!user) return null
  const role = t(`roles.${user.role}` as 'roles.owner', { defaultValue: user.role })
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), disabled: signOut.isPending }],
        onClick: ({ key }) => key === 'logout' && signOut.mutate(),
      }}
    >
      {/* Named by its content: the visible name and role, then what it opens (for screen readers only). */}
      <Button type="text" style={{ height: 'auto', paddingBlock: 4 }} aria-haspopup="menu">
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} />
          <Flex vertical align="start" style={{ lineHeight: 1.2 }} className="rapport-hide-phone">
            <Typography.Text strong>{user.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {role}
            </Typography.Text>
          </Flex>
          <span className="rapport-visually-hidden">{t('header.userMenu')}</span>
        </Flex>
      </Button>
    </Dropdown>
  )
}

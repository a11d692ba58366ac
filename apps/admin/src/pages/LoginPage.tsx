import LockOutlined from '@ant-design/icons/LockOutlined'
import MailOutlined from '@ant-design/icons/MailOutlined'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { login } from '../api/auth'
import type { LoginRedirectState } from '../auth/RequireAuth'
import { sessionQuery, useSession } from '../auth/session-query'
import { errorMessage } from '@rapport/admin-kit'
import { LanguageSwitch } from '../layout/LanguageSwitch'
import { defaultPath, loginPath } from '../router-paths'

type Credentials = { email: string; password: string }

/** Where to go after signing in: the page the user wanted, else the default page. */
const targetOf = (state: unknown): string => {
  const from = (state as LoginRedirectState | null)?.from
  return from && from.pathname !== loginPath ? `${from.pathname}${from.search}` : defaultPath
}

/** `/admin/login`: email and password, then back to the page the user wanted. */
export default function LoginPage() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const session = useSession()
  const target = targetOf(location.state)
  const signIn = useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // The session query also carries the user's permissions, which sign-in does not answer.
      await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 })
      await navigate(target, { replace: true })
    },
  })
  if (session.data) return <Navigate to={target} replace />
  return (
    <Flex vertical style={{ minHeight: '100vh' }}>
      <header>
        <Flex justify="space-between" align="center" style={{ padding: 16 }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('app.name')}
            <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 12 }}>
              {t('app.tagline')}
            </Typography.Text>
          </Typography.Text>
          <LanguageSwitch />
        </Flex>
      </header>
      <Flex component="main" align="center" justify="center" style={{ flex: 1, padding: 16, paddingBottom: 96 }}>
        <Card style={{ width: '100%', maxWidth: 380 }}>
          <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {signIn.isError && (
            <Alert role="alert" type="error" showIcon title={errorMessage(t, signIn.error)} style={{ marginBottom: 16 }} />
          )}
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => signIn.mutate(values)} disabled={signIn.isPending}>
            <Form.Item
              label={t('login.email')}
              name="email"
              rules={[
                { required: true, message: t('login.emailRequired') },
                { type: 'email', message: t('login.emailInvalid') },
              ]}
            >
              <Input prefix={<MailOutlined />} type="email" autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  )
}

import ArrowLeftOutlined from '@ant-design/icons/ArrowLeftOutlined'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Result, Tabs, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { isApiError } from '@rapport/admin-kit'
import { QueryErrorResult } from '@rapport/admin-kit'
import { PageLoading } from '@rapport/admin-kit'
import { codedErrorMessage, errorMessage } from '@rapport/admin-kit'
import { PluginEvents } from './PluginEvents'
import { PluginFailuresCard } from './PluginFailuresCard'
import { PluginOverview } from './PluginOverview'
import { PluginProfileFields } from './PluginProfileFields'
import { PluginRules } from './PluginRules'
import { PluginSettings } from './PluginSettings'
import { PluginStateTag } from './PluginStateTag'
import { PluginToggle } from './PluginToggle'
import { pluginQuery } from './plugin-queries'

const tabKeys = ['settings', 'profileFields', 'events', 'rules'] as const
type TabKey = (typeof tabKeys)[number]
const isTab = (value: unknown): value is TabKey => tabKeys.includes(value as TabKey)

/** `/admin/plugins/:name`: the plugin's state and switch, then Settings, Profile fields, Events and Rules tabs (`?tab=`). */
export default function PluginDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { name = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const tab = isTab(params.get('tab')) ? (params.get('tab') as TabKey) : 'settings'
  const plugin = useQuery(pluginQuery(name))

  if (plugin.isPending) return <PageLoading />
  if (plugin.isError) {
    if (isApiError(plugin.error) && plugin.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('plugin.notFoundTitle')}
          subTitle={errorMessage(t, plugin.error)}
          extra={<Button onClick={() => void navigate('/plugins')}>{t('plugin.back')}</Button>}
        />
      )
    }
    return <QueryErrorResult error={plugin.error} onRetry={() => void plugin.refetch()} />
  }

  const p = plugin.data
  const count = (n: number) => <Tag style={{ marginInlineStart: 6 }}>{n}</Tag>
  return (
    <Flex vertical gap={16}>
      <Link to="/plugins">
        <ArrowLeftOutlined /> {t('plugin.back')}
      </Link>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {p.name}
        </Typography.Title>
        <Typography.Text type="secondary">v{p.version}</Typography.Text>
        <PluginStateTag plugin={p} showError={false} />
        {p.required && <Tag color="gold">{t('plugins.required')}</Tag>}
        <PluginToggle plugin={p} />
      </Flex>
      {p.state === 'failed' && p.error && (
        <Alert type="error" showIcon title={codedErrorMessage(t, p.error)} description={<Typography.Text code>{p.error.code}</Typography.Text>} />
      )}
      <PluginOverview plugin={p} />
      <PluginFailuresCard plugin={p} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'settings' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'settings', label: t('plugin.tabs.settings'), children: <PluginSettings key={p.state} plugin={p} /> },
            { key: 'profileFields', label: <>{t('plugin.tabs.profileFields')}{count(p.profileFields.length)}</>, children: <PluginProfileFields fields={p.profileFields} /> },
            { key: 'events', label: <>{t('plugin.tabs.events')}{count(p.events.length)}</>, children: <PluginEvents events={p.events} /> },
            { key: 'rules', label: <>{t('plugin.tabs.rules')}{count(p.rules.length)}</>, children: <PluginRules rules={p.rules} /> },
          ]}
        />
      </Card>
    </Flex>
  )
}

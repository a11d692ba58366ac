import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Plugin } from '../../api/types'
import { errorMessage } from '@rapport/admin-kit'
import { pluginColumns, pluginPath } from './plugin-columns'
import { pluginListQuery } from './plugin-queries'
import { useCanManagePlugins } from './use-can-manage-plugins'

/** `/admin/plugins`: every installed plugin, its state and what it declares; owners and admins switch them on and off. */
export default function PluginsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const canManage = useCanManagePlugins()
  const plugins = useQuery(pluginListQuery)
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('plugins.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(canManage ? 'plugins.intro' : 'plugins.introReadOnly')}</Typography.Paragraph>
      {plugins.isError && <Alert type="error" showIcon title={errorMessage(t, plugins.error)} style={{ marginBottom: 16 }} />}
      <Table<Plugin>
        aria-label={t('plugins.tableLabel')}
        rowKey="name"
        columns={pluginColumns(t)}
        dataSource={plugins.data ?? []}
        loading={plugins.isPending}
        pagination={false}
        locale={{ emptyText: t('plugins.empty') }}
        onRow={(plugin) => ({ onClick: () => void navigate(pluginPath(plugin.name)) })}
        rowClassName="rapport-clickable-row"
        scroll={{ x: 900 }}
      />
    </Card>
  )
}

import { PageLoading } from '@rapport/admin-kit'
import { Button, Result } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useActivePlugins } from './use-active-plugins'

/** Renders a plugin's page only while the plugin is enabled; otherwise says so and links to its settings. */
export function PluginGate({ plugin, children }: { plugin: string; children: ReactNode }) {
  const { t } = useTranslation()
  const active = useActivePlugins()
  if (!active) return <PageLoading />
  if (active.has(plugin)) return children
  return (
    <Result
      status="info"
      title={t('plugins.pageUnavailable', { name: plugin })}
      extra={
        <Link to={`/plugins/${encodeURIComponent(plugin)}`}>
          <Button type="primary">{t('plugins.openSettings')}</Button>
        </Link>
      }
    />
  )
}

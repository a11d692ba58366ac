import { codedErrorMessage, PageLoading, type DashboardScopeView } from '@rapport/admin-kit'
import { Alert, Card, Typography } from 'antd'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import type { DashboardWidgetResult } from '../../api/dashboard'
import { installedPluginAdmins } from '../../plugins/installed-plugin-admins'

/** The component a plugin's admin part offers for a widget, if any. */
const componentOf = (plugin: string, id: string) => installedPluginAdmins.find((admin) => admin.plugin === plugin)?.widgets?.[id]

/** One widget: its title, and the plugin's component drawing its data, or why there is none. */
export function WidgetCard({ widget, scope }: { widget: DashboardWidgetResult; scope: DashboardScopeView }) {
  const { t, i18n } = useTranslation()
  const title = i18n.resolvedLanguage === 'zh-CN' ? widget.title['zh-CN'] : widget.title.en
  const Widget = componentOf(widget.plugin, widget.id)
  return (
    <Card title={title} style={{ height: '100%' }} data-widget={`${widget.plugin}/${widget.id}`}>
      {widget.error ? (
        <Alert type="error" showIcon title={t('dashboard.widgetFailed')} description={codedErrorMessage(t, widget.error)} />
      ) : Widget ? (
        <Suspense fallback={<PageLoading />}>
          <Widget data={widget.data} scope={scope} />
        </Suspense>
      ) : (
        <Typography.Text type="secondary">{t('dashboard.noView')}</Typography.Text>
      )}
    </Card>
  )
}

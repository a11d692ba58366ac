import { codedErrorMessage, PageLoading, type DashboardScopeView } from '@rapport/admin-kit'
import { Alert, Card, Typography } from 'antd'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DashboardWidgetResult } from '../../api/dashboard'
import { installedPluginAdmins } from '../../plugins/installed-plugin-admins'

/** The admin part of the plugin a widget comes from, if installed. */
const adminOf = (plugin: string) => installedPluginAdmins.find((admin) => admin.plugin === plugin)

/** One widget: its title, a link down to the list behind it, and the plugin's component drawing its data (with the previous period's), or why there is none. */
export function WidgetCard({ widget, scope }: { widget: DashboardWidgetResult; scope: DashboardScopeView }) {
  const { t, i18n } = useTranslation()
  const title = i18n.resolvedLanguage === 'zh-CN' ? widget.title['zh-CN'] : widget.title.en
  const admin = adminOf(widget.plugin)
  const Widget = admin?.widgets?.[widget.id]
  const link = admin?.widgetLinks?.[widget.id]?.(scope)
  return (
    <Card
      title={title}
      style={{ height: '100%' }}
      data-widget={`${widget.plugin}/${widget.id}`}
      extra={link && !widget.error ? <Link to={`/${link}`} aria-label={`${t('dashboard.openList')}: ${title}`}>{t('dashboard.openList')}</Link> : undefined}
    >
      {widget.error ? (
        <Alert type="error" showIcon title={t('dashboard.widgetFailed')} description={codedErrorMessage(t, widget.error)} />
      ) : Widget ? (
        <Suspense fallback={<PageLoading />}>
          <Widget data={widget.data} scope={scope} previous={widget.previous} />
        </Suspense>
      ) : (
        <Typography.Text type="secondary">{t('dashboard.noView')}</Typography.Text>
      )}
    </Card>
  )
}

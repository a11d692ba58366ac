import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Flex, Popconfirm, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage, isApiError } from '@rapport/admin-kit'
import { previewPluginRebuild, rebuildPluginProfiles } from '../../api/plugins'
import type { Plugin, ProfileValue, RebuildPreview } from '../../api/types'
import { toLanguage } from '../../i18n/languages'
import { customerPath } from '../customers/customer-columns'
import { pluginKey } from './plugin-queries'

type FieldChange = RebuildPreview['fields'][number]

export type PluginPreviewProps = {
  plugin: Plugin
  /** The config to try: the settings form's values (undefined: the current config). Rejects when the form is invalid. */
  proposal: () => Promise<Record<string, unknown> | undefined>
  /** A refusal of the server (an invalid config): the settings form places its issues. */
  onError: (err: unknown) => void
}

/**
 * "Preview changes" replays the event log with the settings in the form (or before enabling the
 * plugin) and shows, field by field, how many customers would change, with examples; "Apply and
 * rebuild" then stores the settings and rebuilds, as a numbered rebuild. Mount it with a key that
 * changes with the form, so an outdated preview disappears.
 */
export function PluginPreview({ plugin, proposal, onError }: PluginPreviewProps) {
  const { t, i18n } = useTranslation()
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language)
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const preview = useMutation({
    mutationFn: async () => previewPluginRebuild(plugin.name, await proposal()),
    onError,
  })
  const apply = useMutation({
    mutationFn: async () => rebuildPluginProfiles(plugin.name, await proposal()),
    onSuccess: async (rebuild) => {
      void message.success(t('plugin.preview.applied', { version: rebuild.version, changed: rebuild.report.changed }))
      preview.reset()
      await queryClient.invalidateQueries({ queryKey: ['plugins'] })
      await queryClient.invalidateQueries({ queryKey: pluginKey(plugin.name) })
    },
    onError: (err) => {
      onError(err)
      void message.error(errorMessage(t, err))
    },
  })
  const labelOf = (field: string) => plugin.profileFields.find((f) => f.field === field)?.label[language] ?? field
  const show = (value: ProfileValue) => (value === null ? t('plugin.preview.unset') : String(value))
  const report = preview.data

  return (
    <Flex vertical gap={12} style={{ marginTop: 24 }}>
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('plugin.preview.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t(plugin.state === 'active' ? 'plugin.preview.intro' : 'plugin.preview.introInactive')}</Typography.Text>
      <Flex gap={8} wrap>
        <Button onClick={() => preview.mutate()} loading={preview.isPending} disabled={apply.isPending}>
          {t('plugin.preview.run')}
        </Button>
        {report && (
          <Popconfirm title={t('plugin.preview.confirm', { count: report.changedCustomers })} okText={t('plugin.preview.apply')} cancelText={t('common.cancel')} onConfirm={() => apply.mutate()}>
            <Button type="primary" danger={report.changedCustomers > 0} loading={apply.isPending}>
              {t('plugin.preview.apply')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {/* An invalid form or config shows on its fields; any other refusal shows here. */}
      {isApiError(preview.error) && !isApiError(preview.error, 'PLUGIN_CONFIG_INVALID') && <Alert type="error" showIcon title={errorMessage(t, preview.error)} />}
      {report && (
        <>
          <Alert
            type={report.changedCustomers > 0 ? 'warning' : 'success'}
            showIcon
            title={t('plugin.preview.summary', { changed: report.changedCustomers, customers: report.customers, events: report.eventsReplayed })}
          />
          <Table<FieldChange>
            aria-label={t('plugin.preview.tableLabel')}
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={report.fields}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'label', title: t('plugin.profileFields.label'), render: (_: unknown, f: FieldChange) => labelOf(f.field) },
              { key: 'field', title: t('plugin.profileFields.field'), render: (_: unknown, f: FieldChange) => <Typography.Text code>{f.field}</Typography.Text> },
              { key: 'changed', title: t('plugin.preview.changed'), align: 'right', render: (_: unknown, f: FieldChange) => f.changed },
              {
                key: 'examples',
                title: t('plugin.preview.examples'),
                render: (_: unknown, f: FieldChange) =>
                  f.examples.length === 0 ? t('common.none') : (
                    <Flex vertical gap={2}>
                      {f.examples.map((e) => (
                        <span key={e.customerId}>
                          <Link to={customerPath(e.customerId)}>{e.customerId}</Link>: {show(e.before)} → {show(e.after)}
                        </span>
                      ))}
                    </Flex>
                  ),
              },
            ]}
          />
        </>
      )}
    </Flex>
  )
}

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Empty, Form } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@rapport/admin-kit'
import { savePluginConfig } from '../../api/plugins'
import type { Plugin } from '../../api/types'
import { errorMessage } from '@rapport/admin-kit'
import { ConfigFieldItem } from './ConfigFieldItem'
import { PluginPreview } from './PluginPreview'
import { configFormFields } from './config-form-fields'
import { configOf, fieldNameOfIssue, formValuesOf, leafFields } from './config-form-values'
import { storePlugin } from './plugin-queries'
import { useCanManagePlugins } from './use-can-manage-plugins'

type Issue = { path: string; message: string }

const issuesOf = (err: unknown): Issue[] => {
  if (!isApiError(err, 'PLUGIN_CONFIG_INVALID')) return []
  const issues = (err.details as { issues?: unknown } | undefined)?.issues
  return Array.isArray(issues) ? issues.filter((i): i is Issue => typeof i?.path === 'string' && typeof i?.message === 'string') : []
}

/**
 * The Settings tab: a form generated from the plugin's config schema. Save sends the whole
 * config; a 422 puts each issue on its field and changes nothing else. Below it, owners and
 * admins preview what the form's settings would change in the profiles, and apply them with a rebuild.
 */
export function PluginSettings({ plugin }: { plugin: Plugin }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const canManage = useCanManagePlugins()
  const [form] = Form.useForm()
  const fields = useMemo(() => configFormFields(plugin.configSchema), [plugin.configSchema])
  const initialValues = useMemo(() => formValuesOf(fields, plugin.config), [fields, plugin.config])
  /** Server issues no field shows (about the whole config, or an unknown key). */
  const [looseIssues, setLooseIssues] = useState<Issue[]>([])
  /** Clears the server's errors from the fields whose value is in `changed` (all fields when omitted). */
  const clearErrors = (changed?: Record<string, unknown>) => {
    const changedHere = (name: string[]) =>
      !changed || name.reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], changed) !== undefined
    form.setFields(leafFields(fields).filter((f) => changedHere(f.name) && form.getFieldError(f.name).length > 0).map((f) => ({ name: f.name, errors: [] })))
  }
  const save = useMutation({
    mutationFn: (values: unknown) => savePluginConfig(plugin.name, configOf(fields, values, plugin.config)),
    onMutate: () => {
      clearErrors()
      setLooseIssues([])
    },
    onSuccess: async (updated) => {
      void message.success(t('plugin.settings.saved'))
      form.setFieldsValue(formValuesOf(fields, updated.config))
      await storePlugin(queryClient, updated)
    },
    onError: (err) => {
      if (showIssues(err) === 0) void message.error(errorMessage(t, err))
    },
  })
  /** Puts a 422's issues on their fields (the rest above the form); returns how many there were. */
  function showIssues(err: unknown): number {
    const issues = issuesOf(err)
    const placed = issues.flatMap((issue) => {
      const name = fieldNameOfIssue(fields, issue.path)
      return name ? [{ name, errors: [issue.message] }] : []
    })
    form.setFields(placed)
    setLooseIssues(issues.filter((issue) => !fieldNameOfIssue(fields, issue.path)))
    return issues.length
  }
  /** Changes with every edit of the form, so an outdated preview is dropped. */
  const [revision, setRevision] = useState(0)
  const preview = canManage && (
    <PluginPreview
      key={revision}
      plugin={plugin}
      proposal={async () => (fields.length === 0 ? undefined : configOf(fields, await form.validateFields(), plugin.config))}
      onError={(err) => void showIssues(err)}
    />
  )

  if (fields.length === 0) {
    return (
      <>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plugin.settings.none')} />
        {preview}
      </>
    )
  }
  return (
    <>
      {plugin.state !== 'active' && <Alert type="info" showIcon title={t('plugin.settings.inactive')} style={{ marginBottom: 16 }} />}
      {!canManage && <Alert type="info" showIcon title={t('plugins.managersOnly')} style={{ marginBottom: 16 }} />}
      {looseIssues.map((issue) => (
        <Alert key={issue.path} type="error" showIcon title={`${issue.path || t('plugin.settings.wholeConfig')}: ${issue.message}`} style={{ marginBottom: 16 }} />
      ))}
      <Form
        form={form}
        layout="vertical"
        aria-label={t('plugin.settings.formLabel', { name: plugin.name })}
        initialValues={initialValues}
        disabled={!canManage || save.isPending}
        onFinish={(values) => save.mutate(values)}
        onValuesChange={(changed: Record<string, unknown>) => {
          clearErrors(changed)
          setRevision((n) => n + 1)
        }}
      >
        {fields.map((field) => (
          <ConfigFieldItem key={field.key} field={field} />
        ))}
        {canManage && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('plugin.settings.save')}
          </Button>
        )}
      </Form>
      {preview}
    </>
  )
}

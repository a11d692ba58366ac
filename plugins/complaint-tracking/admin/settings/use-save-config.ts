/**
 * @module
 * Saving the plugin's config from a settings form: the server validates it whole and, when it
 * refuses, names each field (422 PLUGIN_CONFIG_INVALID, `details.issues[].path`), which the
 * forms show beside the field.
 */
import { isApiError, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useCallback, useState } from 'react'
import { type ComplaintsConfig, saveConfig } from '../api'
import { useComplaintError } from '../components/use-complaint-error'
import { configKey } from '../components/use-complaints-config'
import { settingsFormMessages } from './messages'

/** A field the server refused: its config path (dots) and message. */
export type ConfigIssue = { path: string; message: string }

/** @example const { save, saving, issues, messageOf } = useSaveConfig() */
export function useSaveConfig() {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const { message } = App.useApp()
  const errorOf = useComplaintError()
  const client = useQueryClient()
  const [issues, setIssues] = useState<ConfigIssue[]>([])
  const mutation = useMutation({
    mutationFn: saveConfig,
    onMutate: () => setIssues([]),
    onSuccess: (saved) => { client.setQueryData(configKey, saved); void message.success(t('settingsForm.saved')) },
    onError: (err) => {
      const found = isApiError(err) && err.status === 422 ? (err.details as { issues?: ConfigIssue[] } | undefined)?.issues : undefined
      if (found) { setIssues(found); void message.error(t('settingsForm.refused')) } else void message.error(errorOf(err))
    },
  })
  /** The server's English message in the page's language when it is a known one. */
  const messageOf = useCallback((m: string) => {
    const known: Record<string, string> = settingsFormMessages[language === 'zh-CN' ? 'zh-CN' : 'en'].serverMessages
    return known[m] ?? m
  }, [language])
  /** Issues at or under a path prefix (`sla.calendars.0.weekly.mon`). */
  const issuesAt = useCallback((prefix: string) => issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`)), [issues])
  const save = useCallback((next: ComplaintsConfig) => mutation.mutate(next), [mutation])
  return { save, saving: mutation.isPending, issues, issuesAt, messageOf }
}

/** The plugin config as the forms get it. */
export type { ComplaintsConfig }

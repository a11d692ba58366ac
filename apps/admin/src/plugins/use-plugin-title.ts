/**
 * @module
 * What people call a plugin, in the admin's language: the title its admin part declares (built in
 * or loaded from an outside plugin's bundle), else its name (a plugin without an admin part, or
 * one whose admin part declares none).
 */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { toLanguage } from '../i18n/languages'
import { usePluginAdmin } from './use-plugin-admin'

/** @example const title = usePluginTitle(); title('complaint-tracking') // '投诉管理' */
export function usePluginTitle(): (plugin: string) => string {
  const { i18n } = useTranslation()
  const adminOf = usePluginAdmin()
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language)
  return useCallback((plugin: string) => adminOf(plugin)?.title?.[language] ?? plugin, [adminOf, language])
}

/**
 * @module
 * What people call a plugin, in the admin's language: the title its admin part declares, else its
 * name (a plugin without an admin part, or an outside plugin that declares none).
 */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { toLanguage } from '../i18n/languages'
import { installedPluginAdmins } from './installed-plugin-admins'

const titles = new Map(installedPluginAdmins.map((admin) => [admin.plugin, admin.title]))

/** @example const title = usePluginTitle(); title('complaint-tracking') // '投诉管理' */
export function usePluginTitle(): (plugin: string) => string {
  const { i18n } = useTranslation()
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language)
  return useCallback((plugin: string) => titles.get(plugin)?.[language] ?? plugin, [language])
}

/**
 * @module
 * Translation for plugin pages: the plugin's own i18next namespace, with plain string keys so a
 * plugin's texts need no type declarations in the admin shell.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Translates `key` of the plugin's namespace with `values` as placeholders. */
export type PluginT = (key: string, values?: Record<string, unknown>) => string

/**
 * The translate function of `plugin`'s namespace and the current language.
 * @example const { t } = usePluginTranslation('tiering'); t('overview.title')
 */
export function usePluginTranslation(plugin: string): { t: PluginT; language: string } {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? i18n.language
  const t = useMemo<PluginT>(() => {
    // Untyped on purpose: the shell's typed keys cover its own namespace, not the plugins'.
    const getFixedT = i18n.getFixedT.bind(i18n) as unknown as (lng: string, ns: string) => (key: string, options: object) => unknown
    const fixed = getFixedT(language, plugin)
    return (key, values) => String(fixed(key, values ?? {}))
  }, [i18n, language, plugin])
  return { t, language }
}

/**
 * @module
 * Profile fields as people read them: the label each plugin declares in the page's language, and
 * values formatted by kind (enum labels such as 金钻, dates, numbers), for the timeline and the
 * "why" views. A field no plugin declares shows its key.
 */
import { useFormatters } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PluginProfileField, ProfileValue } from '../../api/types'
import { toLanguage } from '../../i18n/languages'
import { pluginListQuery } from '../plugins/plugin-queries'
import { profileValueText } from './profile-value-text'

/** @example const { label, value } = useProfileFieldText(); label('tiering.tier') // '价值等级' */
export function useProfileFieldText() {
  const { t, i18n } = useTranslation()
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language)
  const { date, dateTime } = useFormatters()
  const plugins = useQuery(pluginListQuery)
  const fields = useMemo(() => new Map<string, PluginProfileField>((plugins.data ?? []).flatMap((p) => p.profileFields.map((f) => [f.field, f] as const))), [plugins.data])
  const label = useCallback((field: string) => fields.get(field)?.label[language] ?? field, [fields, language])
  const value = useCallback((field: string, v: unknown) => {
    const f = fields.get(field)
    const shown = typeof v === 'object' && v !== null ? JSON.stringify(v) : (v as ProfileValue | undefined)
    return profileValueText(shown, f?.kind ?? 'text', { t, language, date, dateTime, valueLabels: f?.valueLabels })
  }, [fields, t, language, date, dateTime])
  return { label, value }
}

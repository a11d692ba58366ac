/**
 * @module
 * The profile fields the enabled plugins declare, with their labels in every admin language and
 * the labels of their enum values, so any page can show `价值等级：金钻` where it holds
 * `tiering.tier: diamond`.
 */
import { queryOptions, useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../api/client'

type Labels = { en: string; 'zh-CN': string }

/** One declared field: `tiering.tier`, its kind, label, and enum value labels. */
export type ProfileFieldInfo = { field: string; kind: string; label: Labels; valueLabels?: Record<string, Labels> }

/** Every declared field of the plugins installed, from `GET /api/v1/plugins`. */
export const profileFieldsQuery = queryOptions({
  queryKey: ['plugins', 'profile-fields'] as const,
  queryFn: async ({ signal }) =>
    (await apiRequest<{ items: Array<{ profileFields: ProfileFieldInfo[] }> }>('/api/v1/plugins', { signal })).items.flatMap((p) => p.profileFields),
  staleTime: 5 * 60_000,
})

/**
 * A field's label and an enum value's label in the current language; the key or the value as
 * stored when no plugin labels it.
 * @example const { label, valueLabel } = useProfileFieldLabels(); label('tiering.tier') // '价值等级'
 */
export function useProfileFieldLabels() {
  const { i18n } = useTranslation()
  const language: keyof Labels = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh') ? 'zh-CN' : 'en'
  const { data } = useQuery(profileFieldsQuery)
  const byField = useMemo(() => new Map((data ?? []).map((f) => [f.field, f])), [data])
  const label = useCallback((field: string) => byField.get(field)?.label[language] ?? field, [byField, language])
  const valueLabel = useCallback((field: string, value: unknown) => {
    const labelled = typeof value === 'string' ? byField.get(field)?.valueLabels?.[value] : undefined
    return labelled ? labelled[language] : undefined
  }, [byField, language])
  return { label, valueLabel, known: (field: string) => byField.has(field) }
}

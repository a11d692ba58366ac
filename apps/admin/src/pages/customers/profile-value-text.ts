/**
 * @module
 * A profile value as text for the customer page: numbers in the admin's language, dates as
 * dates, booleans as yes/no, the rest as stored.
 */
import type { TFunction } from 'i18next'
import type { ProfileValue } from '../../api/types'

/** Formats `value` of a field of `kind`; `none` for an unset value. */
export function profileValueText(
  value: ProfileValue | undefined,
  kind: string,
  { t, language, date, dateTime, valueLabels }: {
    t: TFunction; language: string; date: (ymd: string) => string; dateTime: (iso: string) => string; valueLabels?: Record<string, { en: string; 'zh-CN': string }> | undefined
  },
): string {
  if (value === null || value === undefined) return t('common.none')
  if (typeof value === 'boolean') return value ? t('dashboard.yes') : t('dashboard.no')
  if (typeof value === 'number') return value.toLocaleString(language)
  const labelled = kind === 'enum' ? valueLabels?.[value] : undefined
  if (labelled) return language === 'zh-CN' ? labelled['zh-CN'] : labelled.en
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value)
  // Some plugins keep an instant in a date field (when a member joined): shown in the business's time zone.
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return dateTime(value)
  return value
}

import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime } from '../format/format-date-time'
import { formatMoney } from '../format/format-money'
import { useBusinessTimeZone } from './use-business-time-zone'

/** Formatters bound to the current language and the business's time zone. */
export function useFormatters() {
  const { i18n } = useTranslation()
  const timeZone = useBusinessTimeZone()
  const language = i18n.resolvedLanguage ?? i18n.language
  return useMemo(
    () => ({
      timeZone,
      language,
      dateTime: (iso: string) => formatDateTime(iso, language, timeZone),
      date: (ymd: string) => formatDate(ymd, language),
      money: (amountMinor: unknown, currency: unknown) => formatMoney(amountMinor, currency, language),
    }),
    [language, timeZone],
  )
}

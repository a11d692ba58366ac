/**
 * @module
 * Dates and times as the admin shows them.
 */

/**
 * Formats a UTC ISO-8601 instant in `timeZone`, in the words of `language`.
 * @example formatDateTime('2025-03-01T08:00:00Z', 'zh-CN', 'Asia/Shanghai') // "2025年3月1日 16:00"
 */
export const formatDateTime = (iso: string, language: string, timeZone: string): string => {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date)
}

/**
 * Formats a calendar date (`YYYY-MM-DD`, no time zone) in the words of `language`.
 * @example formatDate('1990-05-17', 'en') // "May 17, 1990"
 */
export const formatDate = (ymd: string, language: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd)
  if (!match) return ymd
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

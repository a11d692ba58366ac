/**
 * @module
 * Turns an API refusal into a sentence: the plugin's own translation of its code, with the
 * error's details as parameters, else the server's message.
 */
import { isApiError, usePluginTranslation } from '@rapport/admin-kit'
import { useCallback } from 'react'

const paramsOf = (details: unknown): Record<string, unknown> =>
  details && typeof details === 'object'
    ? Object.fromEntries(Object.entries(details).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]))
    : {}

/** @example const messageOf = useComplaintError(); message.error(messageOf(err)) */
export function useComplaintError(): (err: unknown) => string {
  const { t } = usePluginTranslation('complaint-tracking')
  return useCallback((err: unknown) => {
    if (!isApiError(err)) return err instanceof Error ? err.message : String(err)
    const key = `errors.${err.code}`
    const text = t(key, paramsOf(err.details))
    return text === key ? err.message : text
  }, [t])
}

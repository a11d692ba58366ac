/**
 * @module
 * Turns any thrown error into a sentence for the user, translated by its code.
 */
import type { TFunction } from 'i18next'
import { ApiError } from '../api/client'

/** Details as translation parameters; lists read `a, b`. */
const paramsOf = (details: unknown): Record<string, unknown> =>
  details && typeof details === 'object'
    ? Object.fromEntries(Object.entries(details).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : value]))
    : {}

/**
 * The translated message of `errors.<CODE>` with `details` as parameters; `message` when the code
 * has no translation.
 * @example codedErrorMessage(t, plugin.error) // "order-stats wants host ^2; this server is 1.4.0."
 */
export const codedErrorMessage = (t: TFunction, { code, message, details }: { code: string; message?: string; details?: unknown }): string => {
  // The server's own message stands in for a code the admin has no translation for.
  return t(`errors.${code}` as 'errors.INTERNAL_ERROR', { ...paramsOf(details), defaultValue: message || t('common.error') })
}

/**
 * The translated message of `errors.<CODE>` with the error's details as parameters; the
 * server's own message when the code has no translation.
 * @example errorMessage(t, err) // "Too many sign-in attempts. Try again in 30 seconds."
 */
export const errorMessage = (t: TFunction, err: unknown): string =>
  err instanceof ApiError ? codedErrorMessage(t, err) : t('common.error')

/**
 * @module
 * Turns any thrown error into a sentence for the user, translated by its code.
 */
import type { TFunction } from 'i18next'
import { i18next } from './i18n'
import { ApiError } from '../api/client'

/**
 * The translated message of `errors.<CODE>` with the error's details as parameters; the
 * server's own message when the code has no translation.
 * @example errorMessage(t, err) // "Too many sign-in attempts. Try again in 30 seconds."
 */
export const errorMessage = (t: TFunction, err: unknown): string => {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`
    if (!i18next.exists(key)) return err.message || t('common.error')
    const params = err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : {}
    return t(key as 'errors.INTERNAL_ERROR', params)
  }
  return t('common.error')
}

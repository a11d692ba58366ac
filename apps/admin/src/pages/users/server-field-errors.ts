/**
 * @module
 * Puts a server refusal on the form fields it names: `REQUEST_INVALID` issues (`body.email`),
 * a duplicate email (`AUTH_USER_EXISTS`), a role only an owner may grant (`AUTH_FORBIDDEN`).
 * What names no field comes back as one sentence for an alert.
 */
import { isApiError } from '@rapport/admin-kit'
import type { TFunction } from 'i18next'
import { userErrorMessage as errorMessage } from './user-error-message'

/** A form field and the server's errors for it, as antd's `form.setFields` takes them. */
export type FieldErrors<F extends string = string> = { name: F; errors: string[] }

/** Codes that belong to one field of the form, whatever the request. */
const FIELD_OF_CODE: Record<string, string> = { AUTH_USER_EXISTS: 'email', AUTH_FORBIDDEN: 'role' }

/**
 * Splits a failed save into errors on `fields` and a message for the rest.
 * @example const { fieldErrors, message } = serverFieldErrors(t, err, ['name', 'email']); form.setFields(fieldErrors)
 */
export function serverFieldErrors<F extends string>(t: TFunction, err: unknown, fields: readonly F[]): { fieldErrors: FieldErrors<F>[]; message: string | null } {
  const isField = (name: string | undefined): name is F => name !== undefined && (fields as readonly string[]).includes(name)
  if (isApiError(err, 'REQUEST_INVALID')) {
    const issues = (err.details as { issues?: Array<{ path?: unknown; message?: unknown }> } | undefined)?.issues ?? []
    const byField = new Map<F, string[]>()
    const loose: string[] = []
    for (const issue of issues) {
      const field = typeof issue.path === 'string' ? issue.path.replace(/^body\./, '').split('.')[0] : undefined
      const text = typeof issue.message === 'string' ? issue.message : ''
      if (isField(field)) byField.set(field, [...(byField.get(field) ?? []), text])
      else loose.push(text)
    }
    return {
      fieldErrors: [...byField].map(([name, errors]) => ({ name, errors })),
      message: loose.length > 0 || byField.size === 0 ? errorMessage(t, err) : null,
    }
  }
  const field = isApiError(err) ? FIELD_OF_CODE[err.code] : undefined
  if (isField(field)) return { fieldErrors: [{ name: field, errors: [errorMessage(t, err)] }], message: null }
  return { fieldErrors: [], message: errorMessage(t, err) }
}

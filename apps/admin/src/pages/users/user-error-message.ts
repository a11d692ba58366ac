/**
 * @module
 * The sentence for a refused change to a user: the server's coded message, said more exactly
 * when the refusal is that only an owner may touch an owner.
 */
import { errorMessage, isApiError } from '@rapport/admin-kit'
import type { TFunction } from 'i18next'

/** Whether the server refused because the change needs the owner role. */
export const needsOwner = (err: unknown): boolean => isApiError(err, 'AUTH_FORBIDDEN') && (err.details as { needs?: unknown } | undefined)?.needs === 'role owner'

/** @example userErrorMessage(t, err) // "Only an owner can change an owner, or make someone an owner." */
export const userErrorMessage = (t: TFunction, err: unknown): string => (needsOwner(err) ? t('users.ownerOnly') : errorMessage(t, err))

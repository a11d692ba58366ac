/**
 * @module
 * The one error type of `@rapport/db`. Every failure this package raises itself carries a code
 * from {@link dbErrorCodes}; driver errors (constraint violations, syntax errors) pass through
 * unchanged so callers can still read the driver's own `code`.
 */

/**
 * Every code `@rapport/db` throws, with what it means. The README's "Errors" table lists the same.
 * @example
 * Object.keys(dbErrorCodes) // ['DB_URL_INVALID', 'DB_MIGRATION_CHANGED', ...]
 */
export const dbErrorCodes = {
  DB_URL_INVALID: 'The database URL is empty, malformed or uses an unknown scheme',
  DB_MIGRATION_CHANGED: 'An applied migration no longer has the checksum it was applied with',
  DB_MIGRATION_ORDER: 'Migration ids of one owner are not unique and ascending',
  DB_OWNER_INVALID: 'A migration owner does not match /^[a-z][a-z0-9_]{0,39}$/',
  DB_CLOSED: 'The database was closed',
} as const

/**
 * A code from {@link dbErrorCodes}.
 * @example
 * const code: DbErrorCode = 'DB_CLOSED'
 */
export type DbErrorCode = keyof typeof dbErrorCodes

/**
 * Options of {@link DbError}: typed details (the message's parameters) and the original error.
 * @example
 * new DbError('DB_URL_INVALID', 'The PostgreSQL URL cannot be parsed', { details: { url }, cause: err })
 */
export type DbErrorOptions = { details?: unknown; cause?: unknown }

/**
 * An error raised by `@rapport/db`; `code` is stable, `message` is English for logs.
 * @example
 * throw new DbError('DB_MIGRATION_CHANGED', 'Migration points/0002 changed', { details: { owner: 'points', id: '0002' } })
 * @example
 * if (err instanceof DbError && err.code === 'DB_CLOSED') return
 */
export class DbError extends Error {
  override readonly name = 'DbError'
  readonly code: DbErrorCode
  readonly details?: unknown

  /**
   * @param code - one of {@link dbErrorCodes}
   * @param message - English, names the offending value
   * @param options - details and cause
   */
  constructor(code: DbErrorCode, message: string, { details, cause }: DbErrorOptions = {}) {
    super(message, cause === undefined ? undefined : { cause })
    this.code = code
    if (details !== undefined) this.details = details
  }
}

/**
 * @module
 * Tells the database's own failures (connection lost, deadlock, serialization failure, disk full,
 * database closed) from a plugin's: a plugin is not blamed, nor quarantined, for them, and the
 * transaction fails as a whole so the caller can retry.
 */
import { DbError } from '@rapport/db'

/** PostgreSQL SQLSTATE classes and codes that are the server's or the moment's, not the statement's. */
const PG_TRANSIENT = /^(08|40|53|57|58|XX)|^55P03$/
/** SQLite result codes of the same kind. */
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CORRUPT|NOMEM|READONLY|CANTOPEN|INTERRUPT)/

/**
 * True when `err`, or one of its causes, is a failure of the database rather than of the code
 * that ran the statement.
 * @example if (isDatabaseFault(err)) throw err // not the plugin's fault: fail the transaction
 */
export function isDatabaseFault(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DbError) return true
    const code = (e as { code?: unknown }).code
    if (typeof code !== 'string') continue
    if (code.startsWith('SQLITE_') ? SQLITE_TRANSIENT.test(code) : code.length === 5 && PG_TRANSIENT.test(code)) return true
  }
  return false
}

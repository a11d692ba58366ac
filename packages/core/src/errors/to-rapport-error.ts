import { HTTPException } from 'hono/http-exception'
import { RapportError } from './rapport-error.js'
import { requestErrors, serverErrors } from './core-errors.js'

/**
 * Maps anything thrown to a {@link RapportError}: Hono's own HTTP exceptions become coded request
 * errors; anything unknown becomes INTERNAL_ERROR with the original kept as `cause`.
 * @example const e = toRapportError(err); return c.json({ error: { code: e.code } }, e.status)
 */
export function toRapportError(err: unknown): RapportError {
  if (err instanceof RapportError) return err
  if (isUnstorableText(err)) return requestErrors.INVALID({ issues: [{ path: '', message: 'a text value holds a NUL character, which the database cannot store' }] }, err)
  if (err instanceof HTTPException) {
    if (err.status === 413) return requestErrors.BODY_TOO_LARGE({ limitBytes: 0 }, err)
    if (err.status === 400 && /json/i.test(err.message)) return requestErrors.MALFORMED_JSON(undefined, err)
    if (err.status === 400) return requestErrors.INVALID({ issues: [{ path: '', message: err.message }] }, err)
    if (err.status === 404) return requestErrors.NOT_FOUND({ path: '' }, err)
  }
  return serverErrors.INTERNAL_ERROR(undefined, err)
}

/**
 * PostgreSQL refuses a NUL character in text (22021, 22P05). Such a value can only have come from
 * the request, and SQLite stores it: the caller gets the 400 either way, not a 500.
 */
function isUnstorableText(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (code === '22021' || code === '22P05') return true
  }
  return false
}

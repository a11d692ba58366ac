/**
 * @module
 * The answers object exactly as the request sent it. zod's record parse drops a `__proto__` key
 * (so it cannot replace the parsed object's prototype), which would store the answers silently
 * altered; the validator must see that key to refuse it as an unknown question (400).
 */
import type { Context } from 'hono'

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * The sent `answers` when the parse dropped a key of it, else the parsed ones (the same values).
 * @example const answers = await answersAsSent(c, c.req.valid('json').answers)
 */
export async function answersAsSent(c: Context, parsed: Record<string, unknown>): Promise<Record<string, unknown>> {
  // Hono keeps the body the validator parsed, so this reads no stream again.
  const raw: unknown = await c.req.json().catch(() => undefined)
  const sent = isPlainObject(raw) ? raw.answers : undefined
  return isPlainObject(sent) && Object.hasOwn(sent, '__proto__') ? sent : parsed
}

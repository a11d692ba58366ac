/**
 * @module
 * The one-click unsubscribe token: the customer and channel, signed with a key derived from the
 * installation secret. It is made when a message is rendered and never stored, emitted or logged;
 * it does not expire (an unsubscribe link in an old email still works).
 */
import { createHmac, hkdfSync } from 'node:crypto'
import { safeEqual } from '../crypto/tokens.js'

const keys = new Map<string, Buffer>()
const keyOf = (secret: string): Buffer => {
  let key = keys.get(secret)
  if (!key) keys.set(secret, (key = Buffer.from(hkdfSync('sha256', secret, 'rapport', 'messaging:unsubscribe', 32))))
  return key
}
const sign = (secret: string, body: string): string => createHmac('sha256', keyOf(secret)).update(body).digest('base64url').slice(0, 32)

/**
 * A token for one customer and channel.
 * @example const token = unsubscribeToken(s.config.secret, 'cus_…', 'email')
 */
export function unsubscribeToken(secret: string, customerId: string, channel: string): string {
  const body = Buffer.from(JSON.stringify([customerId, channel])).toString('base64url')
  return `${body}.${sign(secret, body)}`
}

/**
 * The customer and channel of a token this installation signed, or undefined.
 * @example const who = readUnsubscribeToken(s.config.secret, token)
 */
export function readUnsubscribeToken(secret: string, token: string): { customerId: string; channel: string } | undefined {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined || !safeEqual(signature, sign(secret, body))) return undefined
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return undefined
    return { customerId: parsed[0], channel: parsed[1] }
  } catch {
    return undefined
  }
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { randomHex } from './random-hex.js'

/** A random URL-safe token with `bytes` of entropy. @example randomToken(32) */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/**
 * SHA-256 of a high-entropy token, for storing session tokens and API key secrets. A slow hash
 * is not needed: these are 256-bit random values, not passwords.
 * @example sha256('token')
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url')
}

/** Constant-time string comparison. @example safeEqual(a, b) */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A sortable, random id with a short prefix, e.g. `cus_01HF…`. @example newId('cus') */
export function newId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, '0')
  return `${prefix}_${time}${randomHex(8)}`
}

/**
 * @module
 * Encryption of personal fields at rest: AES-256-GCM for the value, HMAC-SHA256 for exact lookups.
 * Both keys are derived from RAPPORT_SECRET with HKDF, each for one purpose.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'

/** Encrypts, decrypts and hashes personal values with keys derived from one secret. */
export type PiiCipher = {
  /** `v1:<iv>:<tag>:<ciphertext>` in base64url; a fresh IV each time. */
  encrypt(plain: string): string
  decrypt(stored: string): string
  /** A keyed hash for equality lookups; the caller normalizes first. */
  hash(value: string): string
}

/**
 * Makes a cipher from the installation secret.
 * @example
 * const pii = createPiiCipher(process.env.RAPPORT_SECRET!)
 * const row = { emailEnc: pii.encrypt(email), emailHash: pii.hash(normalizeEmail(email)) }
 */
export function createPiiCipher(secret: string): PiiCipher {
  if (secret.length < 16) throw new TypeError('RAPPORT_SECRET must be at least 16 characters')
  const encKey = Buffer.from(hkdfSync('sha256', secret, 'rapport', 'pii:encrypt', 32))
  const hashKey = Buffer.from(hkdfSync('sha256', secret, 'rapport', 'pii:lookup', 32))
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':')
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split(':')
      if (version !== VERSION || !iv || !tag || body === undefined) throw new TypeError('Not a Rapport ciphertext')
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
    },
    hash(value) {
      return createHmac('sha256', hashKey).update(value, 'utf8').digest('base64url')
    },
  }
}

/** Lower-cased, trimmed email: the form that is hashed for lookups. @example normalizeEmail(' A@B.cn ') // 'a@b.cn' */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** Digits with an optional leading +: the form that is hashed for lookups. @example normalizePhone('+86 138-0013-8000') // '+8613800138000' */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim()
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '')
}

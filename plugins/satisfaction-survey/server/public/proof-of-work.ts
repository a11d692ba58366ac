/**
 * @module
 * Captcha-free proof of work for the public link: the server signs a challenge
 * `<expiresAtSeconds>.<random>.<hmac>`; the client finds a `nonce` such that
 * `sha256("<challenge>:<nonce>")` starts with `bits` zero bits. Each challenge is spent by one response.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { surveyErrors } from '../errors.js'

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`pow:${body}`).digest('base64url')

/** @example const { challenge, expiresAt } = issueChallenge(survey.publicSecret, now, 600) */
export function issueChallenge(secret: string, now: Date, ttlSeconds: number): { challenge: string; expiresAt: string } {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds
  const body = `${expires}.${randomBytes(12).toString('base64url')}`
  return { challenge: `${body}.${sign(secret, body)}`, expiresAt: new Date(expires * 1000).toISOString() }
}

/** How many leading zero bits a digest has. @example leadingZeroBits(Buffer.from([0, 0x1f])) // 11 */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0
  for (const byte of digest) {
    if (byte === 0) { bits += 8; continue }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}

/** Finds a nonce (what a client does; used by tests and the embed). @example solveChallenge(challenge, 8) // '217' */
export function solveChallenge(challenge: string, bits: number): string {
  for (let n = 0; ; n += 1) if (leadingZeroBits(createHash('sha256').update(`${challenge}:${n}`).digest()) >= bits) return String(n)
}

/** Throws SURVEY_PROOF_INVALID naming why. @example verifyProof(secret, proof, 16, now) */
export function verifyProof(secret: string, proof: { challenge: string; nonce: string }, bits: number, now: Date): void {
  const [expires, random, signature] = proof.challenge.split('.')
  if (!expires || !random || !signature) throw surveyErrors.PROOF_INVALID({ reason: 'malformed challenge' })
  const expected = Buffer.from(sign(secret, `${expires}.${random}`))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw surveyErrors.PROOF_INVALID({ reason: 'challenge not issued by this survey' })
  if (Number(expires) * 1000 <= now.getTime()) throw surveyErrors.PROOF_INVALID({ reason: 'challenge expired' })
  if (leadingZeroBits(createHash('sha256').update(`${proof.challenge}:${proof.nonce}`).digest()) < bits) throw surveyErrors.PROOF_INVALID({ reason: `fewer than ${bits} leading zero bits` })
}

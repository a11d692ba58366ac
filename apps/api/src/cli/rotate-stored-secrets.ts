/**
 * @module
 * Re-keys what the database holds under keys derived from RAPPORT_SECRET, in one transaction:
 * every customer's email and phone is decrypted with the current secret, encrypted again with
 * the new one, and its lookup hash recomputed with the new lookup key; so are the messaging
 * settings' channel credentials and the stored WeChat addresses. The sign-in throttle's
 * keys are keyed hashes of addresses that cannot be recovered, so its entries are cleared.
 * If any stored value does not decrypt with the current secret the transaction rolls back and
 * nothing changes. Customer links are not stored (only spent link ids are, which are random):
 * links issued before the rotation simply stop verifying under the new signing key.
 */
import { createPiiCipher, normalizeEmail, normalizePhone, rekeyMessagingSecrets, type PiiCipher } from '@rapport/core'
import type { Database, Queryable } from '@rapport/db'

/** What a rotation re-keyed. */
export type RotationReport = {
  /** Customers holding an email or a phone (erased customers hold neither). */
  customers: number
  emails: number
  phones: number
  /** Sign-in throttle entries removed (their keys were hashes under the old key). */
  throttleEntriesCleared: number
  /** Channel credentials (SMTP password, WeChat AppSecret, WeCom Secret) and WeChat addresses re-encrypted. */
  messagingValues: number
}

/** A refusal with a code a script can match on; nothing was changed. */
export class RotationError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

/** Options of {@link rotateStoredSecrets}. */
export type RotationOptions = { currentSecret: string; newSecret: string; pageSize?: number }

type Row = { id: string; email_enc: string | null; phone_enc: string | null }

/** Customers are read in keyset pages so a large table is never held whole. */
const PAGE = `SELECT id, email_enc, phone_enc FROM core_customers
  WHERE id > ? AND (email_enc IS NOT NULL OR phone_enc IS NOT NULL OR email_hash IS NOT NULL OR phone_hash IS NOT NULL)
  ORDER BY id LIMIT ?`
const UPDATE = 'UPDATE core_customers SET email_enc = ?, email_hash = ?, phone_enc = ?, phone_hash = ? WHERE id = ?'
/** How many customers that fail to decrypt are named in the refusal. */
const NAMED = 5

/**
 * Re-encrypts and re-hashes every stored personal value from `currentSecret` to `newSecret`.
 * Run it with every server stopped: a server still holding the old secret would write values
 * the new one cannot read. Throws ROTATE_NEW_SECRET_TOO_SHORT, ROTATE_NEW_SECRET_UNCHANGED or
 * ROTATE_CURRENT_SECRET_WRONG (a value does not decrypt; rolled back).
 * @param db - the open database
 * @param options - the two secrets; `pageSize` customers are read per query
 * @returns the counts re-keyed
 * @example const report = await rotateStoredSecrets(db, { currentSecret: config.secret, newSecret })
 */
export async function rotateStoredSecrets(db: Database, { currentSecret, newSecret, pageSize = 500 }: RotationOptions): Promise<RotationReport> {
  assertNewSecret(currentSecret, newSecret)
  const from = createPiiCipher(currentSecret)
  const to = createPiiCipher(newSecret)
  return db.tx(async (tx) => {
    const report: RotationReport = { customers: 0, emails: 0, phones: 0, throttleEntriesCleared: 0, messagingValues: 0 }
    const unreadable: string[] = []
    let after = ''
    for (;;) {
      const rows = await tx.all<Row>(PAGE, [after, pageSize])
      for (const row of rows) {
        const email = open(from, row.email_enc)
        const phone = open(from, row.phone_enc)
        if (email === false || phone === false) { unreadable.push(row.id); continue }
        // After the first failure the transaction will roll back: reading on only counts the failures.
        if (unreadable.length === 0) await rekey(tx, to, row.id, email, phone)
        report.customers += 1
        if (email !== null) report.emails += 1
        if (phone !== null) report.phones += 1
      }
      if (rows.length < pageSize) break
      after = rows[rows.length - 1]!.id
    }
    if (unreadable.length > 0) {
      const named = unreadable.slice(0, NAMED).join(', ') + (unreadable.length > NAMED ? ', …' : '')
      throw new RotationError('ROTATE_CURRENT_SECRET_WRONG', `${unreadable.length} customer(s) hold values that do not decrypt with the current secret (${named}): is RAPPORT_SECRET (or the secret file) the one this database was written with? Nothing was changed.`)
    }
    const messaging = await rekeyMessagingSecrets(tx, from, to)
    if (messaging.unreadable > 0) throw new RotationError('ROTATE_CURRENT_SECRET_WRONG', `${messaging.unreadable} channel credential(s) or WeChat address(es) do not decrypt with the current secret: is RAPPORT_SECRET (or the secret file) the one this database was written with? Nothing was changed.`)
    report.messagingValues = messaging.values
    report.throttleEntriesCleared = (await tx.run('DELETE FROM core_login_throttle')).changes
    return report
  })
}

/**
 * Refuses a new secret the cipher would refuse (under 16 characters) or one equal to the current.
 * @example assertNewSecret(config.secret, newSecret)
 */
export function assertNewSecret(currentSecret: string, newSecret: string): void {
  if (newSecret.length < 16) throw new RotationError('ROTATE_NEW_SECRET_TOO_SHORT', `The new secret has ${newSecret.length} characters; it needs at least 16 (32 random bytes, base64url, are recommended)`)
  if (newSecret === currentSecret) throw new RotationError('ROTATE_NEW_SECRET_UNCHANGED', 'The new secret is the current one: nothing to rotate')
}

/** The plaintext, null when nothing is stored, false when it does not decrypt. */
function open(cipher: PiiCipher, stored: string | null): string | null | false {
  if (stored === null) return null
  try {
    return cipher.decrypt(stored)
  } catch {
    return false
  }
}

/** Writes the new ciphertexts and hashes; a hash without a ciphertext (nothing to recompute it from) becomes null. */
async function rekey(tx: Queryable, to: PiiCipher, id: string, email: string | null, phone: string | null): Promise<void> {
  await tx.run(UPDATE, [
    email === null ? null : to.encrypt(email), email === null ? null : to.hash(normalizeEmail(email)),
    phone === null ? null : to.encrypt(phone), phone === null ? null : to.hash(normalizePhone(phone)),
    id,
  ])
}

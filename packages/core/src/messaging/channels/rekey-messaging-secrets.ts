/**
 * @module
 * The delivery service's share of a secret rotation (`rapport rotate-secret`): the channel
 * credentials in the messaging settings (SMTP password, WeChat AppSecret, WeCom Secret, each a
 * `…Enc` field) and the WeChat addresses (`core_message_addresses`) are decrypted with the current
 * key and encrypted again with the new one, in the rotation's transaction. A value that does not
 * decrypt is counted, not written, so the caller can refuse the whole rotation.
 */
import type { Queryable } from '@rapport/db'
import type { PiiCipher } from '../../crypto/pii-cipher.js'

/** What was re-keyed, and how many values did not decrypt. */
export type MessagingRekeyReport = { values: number; unreadable: number }

const open = (cipher: PiiCipher, stored: string): string | undefined => {
  try { return cipher.decrypt(stored) } catch { return undefined }
}

/**
 * Re-encrypts the messaging settings' credentials and the stored channel addresses from `from` to `to`.
 * @example const { values, unreadable } = await rekeyMessagingSecrets(tx, from, to)
 */
export async function rekeyMessagingSecrets(tx: Queryable, from: PiiCipher, to: PiiCipher): Promise<MessagingRekeyReport> {
  const report: MessagingRekeyReport = { values: 0, unreadable: 0 }
  const settings = await tx.get<{ value: string | Record<string, unknown> }>("SELECT value FROM core_messaging_settings WHERE id = 'messaging'")
  if (settings) {
    const value = (typeof settings.value === 'string' ? JSON.parse(settings.value) : settings.value) as Record<string, Record<string, unknown> | unknown>
    for (const section of Object.values(value)) {
      if (!section || typeof section !== 'object') continue
      const fields = section as Record<string, unknown>
      for (const [field, stored] of Object.entries(fields)) {
        if (!field.endsWith('Enc') || typeof stored !== 'string') continue
        const plain = open(from, stored)
        if (plain === undefined) { report.unreadable += 1; continue }
        fields[field] = to.encrypt(plain)
        report.values += 1
      }
    }
    await tx.run("UPDATE core_messaging_settings SET value = ? WHERE id = 'messaging'", [JSON.stringify(value)])
  }
  const rows = await tx.all<{ recipient_id: string; kind: string; address_enc: string }>('SELECT recipient_id, kind, address_enc FROM core_message_addresses')
  for (const row of rows) {
    const plain = open(from, row.address_enc)
    if (plain === undefined) { report.unreadable += 1; continue }
    await tx.run('UPDATE core_message_addresses SET address_enc = ? WHERE recipient_id = ? AND kind = ?', [to.encrypt(plain), row.recipient_id, row.kind])
    report.values += 1
  }
  return report
}

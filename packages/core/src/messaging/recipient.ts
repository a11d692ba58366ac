/**
 * @module
 * Who a message goes to, read when it is sent (so a changed address or an erasure is honoured):
 * a customer's decrypted email, phone and WeChat openid, name and locale, or a staff user's email,
 * WeCom UserID, name and chosen channel.
 */
import type { CoreServices } from '../services.js'
import { staffChannelOf, storedAddresses } from './channels/channel-addresses.js'
import type { MessageRow } from './message-row.js'

/** A recipient's addresses, name and locale; undefined fields are absent. `channel`: the channel a staff user chose for notifications. */
export type Recipient = { email?: string; phone?: string; wechatOpenId?: string; wecomUserId?: string; name: string | null; locale: string | null; channel?: string }

/**
 * The message's recipient, or undefined when it no longer exists (or the customer was erased).
 * @example const recipient = await findRecipient(s, row)
 */
export async function findRecipient(s: CoreServices, row: Pick<MessageRow, 'customer_id' | 'user_id'>): Promise<Recipient | undefined> {
  if (row.customer_id !== null) {
    const c = await s.db.get<{ name: string | null; email_enc: string | null; phone_enc: string | null; locale: string | null; erased_at: string | null }>(
      'SELECT name, email_enc, phone_enc, locale, erased_at FROM core_customers WHERE id = ?', [row.customer_id])
    if (!c || c.erased_at !== null) return undefined
    return { ...(await storedAddresses(s, s.db, row.customer_id)), name: c.name, locale: c.locale, ...(c.email_enc ? { email: s.pii.decrypt(c.email_enc) } : {}), ...(c.phone_enc ? { phone: s.pii.decrypt(c.phone_enc) } : {}) }
  }
  if (row.user_id === null) return undefined
  const u = await s.db.get<{ name: string; email: string; disabled_at: string | null }>('SELECT name, email, disabled_at FROM core_users WHERE id = ?', [row.user_id])
  if (!u || u.disabled_at !== null) return undefined
  const channel = await staffChannelOf(s.db, row.user_id)
  return { ...(await storedAddresses(s, s.db, row.user_id)), name: u.name, email: u.email, locale: null, ...(channel ? { channel } : {}) }
}

/**
 * @module
 * The addresses the WeChat channels send to, kept apart from the customer and user records
 * (migration 0020): a customer's openid of the Official Account, a staff user's WeCom UserID,
 * each encrypted at rest like an email; and the channel a staff user wants notifications on.
 */
import { t, table, type Queryable } from '@rapport/db'
import type { CoreServices } from '../../services.js'

/** The address kinds stored here, as `ChannelAdapter.address` names them. */
export const STORED_ADDRESS_KINDS = ['wechatOpenId', 'wecomUserId'] as const
export type StoredAddressKind = (typeof STORED_ADDRESS_KINDS)[number]

/** One address of one recipient (a customer `cus_…` or a user `usr_…`) per kind. */
export const messageAddresses = table('core_message_addresses', {
  recipientId: t.text().notNull(),
  kind: t.text().notNull(),
  addressEnc: t.text().notNull(),
  updatedAt: t.timestamp().notNull(),
}, { uniques: [['recipientId', 'kind']] })

/** A staff user's channel for notifications ('email' | 'wecom'); no row: the settings' default. */
export const staffMessagePreferences = table('core_staff_message_preferences', {
  userId: t.text().primaryKey(),
  channel: t.text().notNull(),
  updatedAt: t.timestamp().notNull(),
})

/** The tables of migration `0020_channel_addresses`. */
export const channelAddressTables = [messageAddresses, staffMessagePreferences]

/**
 * A recipient's stored addresses, decrypted.
 * @example const { wechatOpenId } = await storedAddresses(s, s.db, customerId)
 */
export async function storedAddresses(s: Pick<CoreServices, 'pii'>, db: Queryable, recipientId: string): Promise<Partial<Record<StoredAddressKind, string>>> {
  const rows = await db.all<{ kind: string; address_enc: string }>('SELECT kind, address_enc FROM core_message_addresses WHERE recipient_id = ?', [recipientId])
  return Object.fromEntries(rows.filter((r) => (STORED_ADDRESS_KINDS as readonly string[]).includes(r.kind)).map((r) => [r.kind, s.pii.decrypt(r.address_enc)]))
}

/**
 * Stores (or with null removes) one address of a recipient.
 * @example await storeAddress(s, tx, customerId, 'wechatOpenId', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')
 */
export async function storeAddress(s: Pick<CoreServices, 'pii' | 'now'>, db: Queryable, recipientId: string, kind: StoredAddressKind, address: string | null): Promise<void> {
  if (address === null) {
    await db.run('DELETE FROM core_message_addresses WHERE recipient_id = ? AND kind = ?', [recipientId, kind])
    return
  }
  await db.run(
    'INSERT INTO core_message_addresses (recipient_id, kind, address_enc, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (recipient_id, kind) DO UPDATE SET address_enc = excluded.address_enc, updated_at = excluded.updated_at',
    [recipientId, kind, s.pii.encrypt(address), s.now().toISOString()])
}

/** A staff user's chosen channel, or null. @example await staffChannelOf(s.db, userId) */
export async function staffChannelOf(db: Queryable, userId: string): Promise<string | null> {
  return (await db.get<{ channel: string }>('SELECT channel FROM core_staff_message_preferences WHERE user_id = ?', [userId]))?.channel ?? null
}

/** Stores (or with null removes) a staff user's channel. @example await storeStaffChannel(s, tx, userId, 'wecom') */
export async function storeStaffChannel(s: Pick<CoreServices, 'now'>, db: Queryable, userId: string, channel: string | null): Promise<void> {
  if (channel === null) {
    await db.run('DELETE FROM core_staff_message_preferences WHERE user_id = ?', [userId])
    return
  }
  await db.run('INSERT INTO core_staff_message_preferences (user_id, channel, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at',
    [userId, channel, s.now().toISOString()])
}

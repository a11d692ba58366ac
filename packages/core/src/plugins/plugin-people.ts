/**
 * @module
 * `ctx.customers` and `ctx.users`: how a plugin checks that the customer or the staff user a
 * request names exists before it writes a record about them (an invitation, a case, a member, an
 * assignee), so no record is ever kept for somebody who does not exist, how an import finds the
 * customer a row names, whose birthday it is, a customer's locale and name. One query each; only
 * ids (and the locale, or the name for a screen that shows whose something is) come back.
 */
import type { Queryable } from '@rapport/db'
import { normalizeEmail } from '../crypto/pii-cipher.js'
import { customerErrors } from '../errors/index.js'
import type { Role } from '../http/app-env.js'
import type { CoreServices } from '../services.js'
import type { PluginCustomers, PluginUsers } from './contract.js'

/**
 * The customers view of a plugin's context.
 * @example await pluginCustomers(s).require(body.customerId, tx) // throws CUSTOMER_NOT_FOUND (404)
 */
export function pluginCustomers(s: CoreServices): PluginCustomers {
  return {
    async require(customerId: string, tx?: Queryable) {
      const found = await (tx ?? s.db).get<{ id: string }>('SELECT id FROM core_customers WHERE id = ?', [customerId])
      if (!found) throw customerErrors.NOT_FOUND({ customerId })
    },
    async findId(by: { externalId: string } | { email: string }, tx?: Queryable) {
      const [column, value] = 'externalId' in by ? ['external_id', by.externalId] : ['email_hash', s.pii.hash(normalizeEmail(by.email))]
      const row = await (tx ?? s.db).get<{ id: string }>(`SELECT id FROM core_customers WHERE ${column} = ? AND erased_at IS NULL ORDER BY created_at, id LIMIT 1`, [value])
      return row?.id
    },
    async bornOn(monthDayOrMonth: string, tx?: Queryable) {
      // `-MM-DD` or `-MM-` after the year: a suffix or infix match on the stored YYYY-MM-DD text.
      const pattern = /^\d{2}-\d{2}$/.test(monthDayOrMonth) ? `%-${monthDayOrMonth}` : /^\d{2}$/.test(monthDayOrMonth) ? `%-${monthDayOrMonth}-%` : null
      if (pattern === null) return []
      const rows = await (tx ?? s.db).all<{ id: string }>('SELECT id FROM core_customers WHERE birthday LIKE ? AND erased_at IS NULL ORDER BY id', [pattern])
      return rows.map((r) => r.id)
    },
    async locale(customerId: string, tx?: Queryable) {
      const row = await (tx ?? s.db).get<{ locale: string | null }>('SELECT locale FROM core_customers WHERE id = ? AND erased_at IS NULL', [customerId])
      return row?.locale ?? undefined
    },
    async name(customerId: string, tx?: Queryable) {
      const row = await (tx ?? s.db).get<{ name: string | null }>('SELECT name FROM core_customers WHERE id = ? AND erased_at IS NULL', [customerId])
      return row?.name ?? undefined
    },
    async sharesContact(a: string, b: string, tx?: Queryable) {
      const row = await (tx ?? s.db).get<{ n: number }>(
        `SELECT 1 AS n FROM core_customers x JOIN core_customers y ON y.id = ? AND y.erased_at IS NULL
         WHERE x.id = ? AND x.erased_at IS NULL AND ((x.email_hash IS NOT NULL AND x.email_hash = y.email_hash) OR (x.phone_hash IS NOT NULL AND x.phone_hash = y.phone_hash))`,
        [b, a],
      )
      return row !== undefined
    },
  }
}

/**
 * The staff users view of a plugin's context.
 * @example const user = await pluginUsers(s).find(assigneeId, tx) // { id, role, disabled } or undefined
 */
export function pluginUsers(s: CoreServices): PluginUsers {
  return {
    async find(userId: string, tx?: Queryable) {
      const row = await (tx ?? s.db).get<{ id: string; role: Role; disabled_at: string | null }>('SELECT id, role, disabled_at FROM core_users WHERE id = ?', [userId])
      return row && { id: row.id, role: row.role, disabled: row.disabled_at !== null }
    },
  }
}

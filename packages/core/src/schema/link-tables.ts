import { t, table } from '@rapport/db'

/** Single-use customer links already spent. */
export const linkUses = table('core_link_uses', {
  linkId: t.text().primaryKey(),
  usedAt: t.timestamp().notNull(),
})

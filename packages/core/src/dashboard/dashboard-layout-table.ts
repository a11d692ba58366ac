/**
 * @module
 * Each user's dashboard layout (migration 0023): the widgets in the order the user arranged them,
 * each shown or hidden. One row per user; a user without a row sees every widget in boot order.
 */
import { createTables, t, table } from '@rapport/db'

/**
 * `widgets` is a JSON array of `{ plugin, id, hidden }`, in display order.
 * @example await db.get('SELECT widgets FROM core_dashboard_layouts WHERE user_id = ?', [userId])
 */
export const dashboardLayouts = table('core_dashboard_layouts', {
  userId: t.text().primaryKey(),
  widgets: t.json().notNull(),
  updatedAt: t.timestamp().notNull(),
})

/** Core migration 0023. */
export const dashboardLayoutsMigration = createTables('0023_dashboard_layouts', [dashboardLayouts])

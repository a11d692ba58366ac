/**
 * @module
 * Saved views: a staff member's named filters of the case list, seen only by their owner.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { savedViewSchema, viewFilters } from '../../shared/agent-schemas.js'

/** A saved view as routes return it. */
export type SavedView = z.infer<typeof savedViewSchema>

/** @example await insertView(tx, { id, ownerId, name, filters, createdAt }) */
export async function insertView(tx: Queryable, v: SavedView & { ownerId: string }): Promise<void> {
  await tx.run('INSERT INTO complaints_saved_views (id, owner_id, name, filters, created_at) VALUES (?, ?, ?, ?, ?)', [v.id, v.ownerId, v.name, JSON.stringify(v.filters), v.createdAt])
}

/** The owner's views by name. @example await listViews(ctx.db, 'user:u1') */
export async function listViews(q: Queryable, ownerId: string): Promise<SavedView[]> {
  const rows = await q.all<{ id: string; name: string; filters: unknown; created_at: string }>('SELECT id, name, filters, created_at FROM complaints_saved_views WHERE owner_id = ? ORDER BY name, seq', [ownerId])
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, filters: (typeof r.filters === 'string' ? JSON.parse(r.filters) : r.filters) as z.infer<typeof viewFilters> }))
}

/** False unless the owner had that view. @example await deleteView(tx, id, 'user:u1') */
export async function deleteView(tx: Queryable, id: string, ownerId: string): Promise<boolean> {
  return (await tx.run('DELETE FROM complaints_saved_views WHERE id = ? AND owner_id = ?', [id, ownerId])).changes > 0
}

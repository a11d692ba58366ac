/**
 * @module
 * Tags on a case: free labels agents put on it (`refund`, `媒体关注`), listed on the case and
 * filterable in the case list. A case's tags are replaced as a set.
 */
import type { Queryable } from '@rapport/plugin-sdk'

/** The case's tags, in alphabetical order. @example await caseTags(ctx.db, id) // ['refund', 'vip'] */
export async function caseTags(q: Queryable, caseId: string): Promise<string[]> {
  return (await q.all<{ tag: string }>('SELECT tag FROM complaints_case_tags WHERE case_id = ? ORDER BY tag', [caseId])).map((r) => r.tag)
}

/**
 * Makes `tags` the case's tags; answers what changed.
 * @example await setCaseTags(tx, id, ['refund'], at) // { added: ['refund'], removed: ['vip'] }
 */
export async function setCaseTags(tx: Queryable, caseId: string, tags: readonly string[], at: string): Promise<{ added: string[]; removed: string[] }> {
  const before = await caseTags(tx, caseId)
  const wanted = [...new Set(tags)].sort()
  const added = wanted.filter((t) => !before.includes(t))
  const removed = before.filter((t) => !wanted.includes(t))
  for (const tag of removed) await tx.run('DELETE FROM complaints_case_tags WHERE case_id = ? AND tag = ?', [caseId, tag])
  for (const tag of added) await tx.run('INSERT INTO complaints_case_tags (case_id, tag, created_at) VALUES (?, ?, ?)', [caseId, tag, at])
  return { added, removed }
}

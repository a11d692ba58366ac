/**
 * @module
 * Bulk actions on the case list: assign, change status, add or remove tags, on up to 100 cases.
 * Each case runs in its own transaction, through the same functions as its single-case route, so
 * one refusal (a closed case, a move the workflow forbids) leaves the others done and is reported
 * with its code.
 */
import { type PluginContext, RapportError, type z } from '@rapport/plugin-sdk'
import type { bulkRequest, bulkResultSchema } from '../../shared/agent-schemas.js'
import type { ComplaintsConfig } from '../config.js'
import { assignCase } from './assign-case.js'
import { caseTags } from './case-tags.js'
import { checkAssignee } from './check-assignee.js'
import { editCase } from './edit-case.js'
import { transitionCase } from './transition-case.js'

type Result = z.infer<typeof bulkResultSchema>['results'][number]

/** @example await bulkUpdate(ctx, { ids, status: 'closed' }, 'user:u1') */
export async function bulkUpdate(ctx: PluginContext<ComplaintsConfig>, req: z.infer<typeof bulkRequest>, actor: string): Promise<Result[]> {
  const results: Result[] = []
  // Who to assign to is the request's own fault, not a case's: refused once, before any case changes.
  if (req.assigneeId !== undefined) await ctx.db.tx((tx) => checkAssignee(ctx, tx, req.assigneeId ?? null))
  for (const id of new Set(req.ids)) {
    try {
      await ctx.db.tx(async (tx) => {
        if (req.assigneeId !== undefined) await assignCase(tx, ctx, id, req.assigneeId, actor)
        if (req.status !== undefined) await transitionCase(tx, ctx, id, { to: req.status, actor })
        if (req.addTags?.length || req.removeTags?.length) {
          const tags = new Set([...(await caseTags(tx, id)), ...(req.addTags ?? [])])
          for (const tag of req.removeTags ?? []) tags.delete(tag)
          await editCase(tx, ctx, id, { tags: [...tags] }, actor)
        }
      })
      results.push({ id, ok: true })
    } catch (err) {
      if (!(err instanceof RapportError)) throw err
      results.push({ id, ok: false, error: { code: err.code, message: err.message } })
    }
  }
  return results
}

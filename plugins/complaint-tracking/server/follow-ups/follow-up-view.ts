/**
 * @module
 * A visit as `GET /follow-ups/{id}` shows it: the visit, its calls, its case's category and the
 * call script for it in both languages.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { followUpDetailSchema } from '../../shared/visit-schemas.js'
import type { ComplaintsConfig } from '../config.js'
import { visitAttempts } from './attempt-store.js'
import { callScript } from './call-script.js'
import type { FollowUp } from './follow-up-store.js'

/** @example await followUpView(ctx.db, ctx.config, visit) */
export async function followUpView(q: Queryable, config: ComplaintsConfig, f: FollowUp): Promise<z.infer<typeof followUpDetailSchema>> {
  const row = f.caseId === null ? undefined : await q.get<{ category: string }>('SELECT category FROM complaints_cases WHERE id = ?', [f.caseId])
  const category = row?.category ?? null
  return { ...f, attemptLog: await visitAttempts(q, f.id), category, script: callScript(config.visits, { category, planId: f.planId }) }
}

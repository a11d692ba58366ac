/**
 * @module
 * Changes a case's category, priority or tags after intake. Each changed field is a history entry
 * (who, when, from, to) and each category or priority change emits `complaint.changed`, at the
 * event's time. Custom field values are checked against the fields of the (new) category. The SLA
 * terms stay those pinned at intake.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'
import type { CaseDeps } from './case-deps.js'
import { recordHistory } from './case-log.js'
import { findCase, lockCase, saveCase, saveFields, type StoredCase } from './case-store.js'
import { applyFieldChanges } from './custom-field-values.js'
import { setCaseTags } from './case-tags.js'

/** What an edit may change; omitted fields stay. */
export type CaseEdit = { category?: string | undefined; priority?: StoredCase['priority'] | undefined; tags?: string[] | undefined; fields?: Record<string, string | number | null> | undefined }

/** @example await editCase(tx, ctx, id, { priority: 'high' }, 'user:u1') */
export async function editCase(tx: Queryable, deps: CaseDeps, caseId: string, edit: CaseEdit, actor: string): Promise<StoredCase> {
  const found = await lockCase(tx, deps, caseId)
  if (!found) throw complaintsErrors.CASE_NOT_FOUND({ caseId })
  if (edit.category !== undefined && !deps.config.categories.some((node) => node.id === edit.category)) throw complaintsErrors.CATEGORY_UNKNOWN({ category: edit.category })
  const now = deps.now()
  const at = now.toISOString()
  let c = found
  for (const field of ['category', 'priority'] as const) {
    const to = edit[field]
    const from = found[field]
    if (to === undefined || to === from) continue
    c = { ...c, [field]: to }
    await recordHistory(tx, caseId, { action: `${field}_changed`, actor, fromStatus: null, toStatus: null, at, details: { from, to } }, 'internal')
    await deps.emit('complaint.changed', found.customerId, { caseId, field, from, to }, { key: `${caseId}:${field}:${at}:${to}` })
  }
  if (c !== found) await saveCase(tx, { ...c, updatedAt: at })
  if (edit.fields !== undefined) {
    const { values, changed } = applyFieldChanges(deps.config.customFields, c.category, found.fields, edit.fields)
    if (changed.length > 0) {
      await saveFields(tx, caseId, values)
      const changes = Object.fromEntries(changed.map((k) => [k, { from: found.fields[k] ?? null, to: values[k] ?? null }]))
      await recordHistory(tx, caseId, { action: 'fields_changed', actor, fromStatus: null, toStatus: null, at, details: { changes } }, 'internal')
    }
  }
  if (edit.tags !== undefined) {
    const { added, removed } = await setCaseTags(tx, caseId, edit.tags, at)
    if (added.length + removed.length > 0) await recordHistory(tx, caseId, { action: 'tags_changed', actor, fromStatus: null, toStatus: null, at, details: { added, removed } }, 'internal')
  }
  return (await findCase(tx, caseId, now))!
}

/**
 * @module
 * Intake: pins the SLA terms (policy by category, priority and the customer's tier), takes the
 * year's next case number, writes a new case and its first history entry, emits `complaint.opened`, mirrors the profile, and stores
 * the SLA crossing times.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'
import { refreshSla } from '../sla/case-sla.js'
import { termsFor } from '../sla/match-policy.js'
import type { CaseDeps } from './case-deps.js'
import { nextCaseNumber } from './case-number.js'
import { applyFieldChanges } from './custom-field-values.js'
import { findCase, insertCase, type NewCase, newId, saveFields, type StoredCase } from './case-store.js'
import { assertRequiredFields } from './required-fields.js'
import { recordHistory } from './case-log.js'
import { mirrorProfile } from './mirror-profile.js'

/** What an intake takes. */
export type OpenInput = Omit<NewCase, 'id' | 'caseNumber' | 'terms' | 'sourceKey' | 'contact'> & Partial<Pick<NewCase, 'sourceKey' | 'contact'>> & {
  /** Custom field values given at filing, checked like an edit's. */
  fields?: Record<string, string | number> | undefined
  /**
   * Filed by staff (the admin's form or the API): `toFile` fields must be given. Customers filing
   * through their link or the public form are not held back, nor is automatic intake: they cannot
   * know the shop's own fields, and `toFile` fields are still required to resolve the case.
   */
  filedByStaff?: boolean | undefined
}

/** @example const created = await openCase(tx, ctx, { customerId, channel: 'phone', ... }) */
export async function openCase(tx: Queryable, deps: CaseDeps, input: OpenInput): Promise<StoredCase> {
  if (!deps.config.categories.some((node) => node.id === input.category)) throw complaintsErrors.CATEGORY_UNKNOWN({ category: input.category })
  const { values } = applyFieldChanges(deps.config.customFields, input.category, {}, input.fields ?? {})
  if (input.filedByStaff) assertRequiredFields(deps.config.customFields, input.category, values, 'file')
  const { customerId } = input
  if (customerId !== null && tx.dialect === 'pg') await deps.updateProfile(tx, customerId, {}, { id: 'lock' })
  const tier = customerId === null ? undefined : (await deps.readProfile(customerId, tx))['tiering.tier']
  const terms = termsFor(deps.config.sla, { category: input.category, priority: input.priority, tier: typeof tier === 'string' ? tier : null })
  const id = newId('cmp')
  const now = deps.now()
  const at = now.toISOString()
  const caseNumber = await nextCaseNumber(tx, now, deps.timeZone)
  const { fields: _given, filedByStaff: _byStaff, ...row } = input
  await insertCase(tx, { ...row, id, caseNumber, terms, sourceKey: input.sourceKey ?? null, contact: input.contact ?? null }, at)
  if (Object.keys(values).length > 0) await saveFields(tx, id, values)
  await recordHistory(tx, id, {
    action: 'created', actor: input.createdBy, fromStatus: null, toStatus: 'new', at,
    details: { channel: input.channel, category: input.category, priority: input.priority, ...(terms ? { slaPolicy: terms.policyId } : {}), ...(input.sourceKey ? { source: input.sourceKey } : {}) },
  }, 'customer')
  const event = await deps.emit('complaint.opened', customerId, { caseId: id, caseNumber, channel: input.channel, category: input.category, priority: input.priority }, { key: id })
  if (customerId !== null) await mirrorProfile(tx, deps, customerId, { id: 'open', eventSeq: event.seq })
  const created = (await findCase(tx, id, now))!
  await refreshSla(tx, deps.config.sla, created, now)
  return (await findCase(tx, id, now))!
}

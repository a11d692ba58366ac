/**
 * @module
 * Checks and applies changes to a case's custom field values: a key the case's category does not
 * take is 422 COMPLAINTS_FIELD_UNKNOWN, a value of the wrong kind 422 COMPLAINTS_FIELD_INVALID;
 * `null` removes a value. Pure.
 */
import { complaintsErrors } from '../errors.js'
import type { CustomField } from './custom-fields-config.js'
import { fieldsFor } from '../../shared/fields-for.js'

/** Stored values by field key. */
export type FieldValues = Record<string, string | number>

function checked(field: CustomField, value: string | number): string | number {
  const bad = (reason: string) => complaintsErrors.FIELD_INVALID({ field: field.key, reason })
  if (field.type === 'number') { if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('a number'); return value }
  if (typeof value !== 'string' || value.trim() === '' || value.length > 500) throw bad('text of 1 to 500 characters')
  if (field.type === 'select' && !field.options.some((o) => o.value === value)) throw bad(`one of ${field.options.map((o) => o.value).join(', ')}`)
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw bad('a date YYYY-MM-DD')
  return field.type === 'text' ? value.trim() : value
}

/** The values after `changes`, and which keys changed. @example applyFieldChanges(config.customFields, 'delivery.late', {}, { carrier: 'sf' }) */
export function applyFieldChanges(all: readonly CustomField[], category: string, before: FieldValues, changes: Record<string, string | number | null>): { values: FieldValues; changed: string[] } {
  const fields = fieldsFor(all, category)
  const values: FieldValues = { ...before }
  const changed: string[] = []
  for (const [key, value] of Object.entries(changes)) {
    const field = fields.find((f) => f.key === key)
    if (!field) throw complaintsErrors.FIELD_UNKNOWN({ field: key, category })
    if (value === null) { if (key in values) { delete values[key]; changed.push(key) } continue }
    const next = checked(field, value)
    if (values[key] !== next) { values[key] = next; changed.push(key) }
  }
  return { values, changed }
}

/**
 * @module
 * Required custom fields: the fields of a case's category marked `required` that have no value yet,
 * refused with 422 COMPLAINTS_FIELD_REQUIRED naming them, when a case is resolved (`toResolve` and
 * `toFile` fields) or filed through a form or the API (`toFile` fields). Pure.
 */
import { fieldsFor } from '../../shared/fields-for.js'
import { complaintsErrors } from '../errors.js'
import type { CustomField } from './custom-fields-config.js'

/** @example assertRequiredFields(config.customFields, 'delivery.late', case.fields, 'resolve') */
export function assertRequiredFields(all: readonly CustomField[], category: string, values: Record<string, unknown>, moment: 'resolve' | 'file'): void {
  const wanted = moment === 'file' ? ['toFile'] : ['toResolve', 'toFile']
  const missing = fieldsFor(all, category).filter((f) => wanted.includes(f.required) && (values[f.key] === undefined || values[f.key] === null || values[f.key] === ''))
  if (missing.length > 0) throw complaintsErrors.FIELD_REQUIRED({ fields: missing.map((f) => f.key), category, moment })
}

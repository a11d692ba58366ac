/**
 * @module
 * Customer CSVs: `externalId` plus `name`, `email`, `phone`, `birthday`, `locale`, `timeZone` and
 * any `attributes.<key>` columns. An empty cell leaves the field as it is; attribute cells
 * (strings) replace the customer's attributes as a whole, as the customer store does.
 */
import { customerFieldsSchema, upsertCustomerByExternalId, type CustomerFields } from '../customers/customer-store.js'
import { customerExternalIdSchema } from '../events/standard-events.js'
import type { CellIssue } from './import-report.js'
import type { RowKind } from './row-kind.js'

const FIELD_COLUMNS = ['name', 'email', 'phone', 'birthday', 'locale', 'timeZone'] as const
const ATTRIBUTE_PREFIX = 'attributes.'

/** A valid customer row. */
export type CustomerRow = { externalId: string; fields: CustomerFields }

/**
 * The customer CSV kind: each row upserts the customer with that externalId.
 * @example const check = customerRows.check(new Map([['externalId', 'crm-1'], ['email', 'wf@example.cn']]))
 */
export const customerRows: RowKind<CustomerRow> = {
  kind: 'customers',
  required: [['externalId']],
  optional: [...FIELD_COLUMNS, `${ATTRIBUTE_PREFIX}<key>`],
  allows: (column) => (FIELD_COLUMNS as readonly string[]).includes(column) || (column.startsWith(ATTRIBUTE_PREFIX) && column.length > ATTRIBUTE_PREFIX.length),

  check(cells) {
    const errors: CellIssue[] = []
    const externalId = customerExternalIdSchema.safeParse(cells.get('externalId') ?? '')
    if (!externalId.success) errors.push({ column: 'externalId', message: cells.has('externalId') ? externalId.error.issues[0]!.message : 'is required' })

    const fields: Record<string, unknown> = {}
    const attributes: Array<[string, string]> = []
    for (const [column, value] of cells) {
      if (column.startsWith(ATTRIBUTE_PREFIX)) attributes.push([column.slice(ATTRIBUTE_PREFIX.length), value])
      else if (column !== 'externalId') fields[column] = value
    }
    if (attributes.length > 0) fields.attributes = Object.fromEntries(attributes)
    const parsed = customerFieldsSchema.safeParse(fields)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, second] = issue.path.map(String)
        errors.push({ column: first === 'attributes' && second !== undefined ? `${ATTRIBUTE_PREFIX}${second}` : (first ?? '(row)'), message: issue.message })
      }
    }
    return errors.length > 0 || !externalId.success || !parsed.success ? { ok: false, errors } : { ok: true, value: { externalId: externalId.data, fields: parsed.data } }
  },

  writer: (s) => async (tx, values) => {
    const writes = []
    for (const { externalId, fields } of values) {
      const { created } = await upsertCustomerByExternalId(tx, s, externalId, fields)
      writes.push({ status: created ? 'imported' : 'duplicate' } as const)
    }
    return writes
  },
}

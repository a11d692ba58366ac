/**
 * @module
 * The customer a plugin's history row names, as the order import identifies customers:
 * `customerExternalId`, else `customerEmail`. An unknown customer is a row error (the row is not
 * imported): responses and cases are about customers the shop already has, imported with their
 * orders or as customers. The codes come from the importing plugin's own error registry.
 */
import type { RapportError } from '../errors/rapport-error.js'
import type { RowCells, RowIssue } from './import-rows.js'

/** The columns that name the customer; a row needs one. */
export const ROW_CUSTOMER_COLUMNS = ['customerExternalId', 'customerEmail'] as const

/** The two errors of the importing plugin's registry that a customer cell can raise. */
export type RowCustomerErrors = {
  IMPORT_CELL_INVALID(d: { column: string; reason: string }): RapportError
  IMPORT_CUSTOMER_UNKNOWN(d: { column: string; value: string }): RapportError
}

type FindCustomer = { findId(by: { externalId: string } | { email: string }): Promise<string | undefined> }

/**
 * @example
 * const found = await findRowCustomer(ctx.customers, cells, surveyErrors) // { customerId } or { issue }
 */
export async function findRowCustomer(customers: FindCustomer, cells: RowCells, errors: RowCustomerErrors): Promise<{ customerId: string } | { issue: RowIssue }> {
  const column = ROW_CUSTOMER_COLUMNS.find((c) => cells.has(c))
  const value = column && cells.get(column)
  if (!column || typeof value !== 'string') {
    const e = errors.IMPORT_CELL_INVALID({ column: 'customerExternalId', reason: 'or customerEmail is required (text)' })
    return { issue: { column: column ?? 'customerExternalId', code: e.code, message: e.message } }
  }
  const customerId = await customers.findId(column === 'customerExternalId' ? { externalId: value } : { email: value })
  if (customerId) return { customerId }
  const e = errors.IMPORT_CUSTOMER_UNKNOWN({ column, value })
  return { issue: { column, code: e.code, message: e.message } }
}

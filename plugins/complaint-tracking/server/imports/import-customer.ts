/**
 * @module
 * The customer a history row names, as the order import identifies customers: `customerExternalId`,
 * else `customerEmail`. An unknown customer is a row error (the row is not imported): responses and
 * cases are about customers the shop already has, imported with their orders or as customers.
 */
import type { PluginContext, RowCells, RowIssue } from '@rapport/plugin-sdk'
import { complaintsErrors } from '../errors.js'

/** The columns that name the customer; a row needs one. */
export const CUSTOMER_COLUMNS = ['customerExternalId', 'customerEmail'] as const

/** @example const found = await importCustomer(ctx, cells) // { customerId } or { issue } */
export async function importCustomer(ctx: Pick<PluginContext, 'customers'>, cells: RowCells): Promise<{ customerId: string } | { issue: RowIssue }> {
  const column = CUSTOMER_COLUMNS.find((c) => cells.has(c))
  const value = column && cells.get(column)
  if (!column || typeof value !== 'string') {
    const e = complaintsErrors.IMPORT_CELL_INVALID({ column: 'customerExternalId', reason: 'or customerEmail is required (text)' })
    return { issue: { column: column ?? 'customerExternalId', code: e.code, message: e.message } }
  }
  const customerId = await ctx.customers.findId(column === 'customerExternalId' ? { externalId: value } : { email: value })
  if (customerId) return { customerId }
  const e = complaintsErrors.IMPORT_CUSTOMER_UNKNOWN({ column, value })
  return { issue: { column, code: e.code, message: e.message } }
}

import type { Caller } from '../http/app-env.js'
import { linkErrors } from './link-errors.js'

/**
 * A customer link opens only its own customer's data: throws LINK_WRONG_CUSTOMER (403) when a
 * link caller asks for another customer. Staff and API keys pass (their policy already ran).
 * @example assertSameCustomer(c.get('caller'), c.req.valid('param').customerId)
 */
export function assertSameCustomer(caller: Caller, customerId: string): void {
  if (caller.kind === 'customer' && caller.customerId !== customerId) throw linkErrors.WRONG_CUSTOMER()
}

/**
 * @module
 * Every error tiering throws, with its code and status (see the README's Errors table).
 */
import { defineErrors } from '@rapport/plugin-sdk'

export const tieringErrors = defineErrors('TIERING', {
  CUSTOMER_NOT_FOUND: { status: 404, message: (d: { customerId: string }) => `Customer ${d.customerId} has no tiering record (no order seen yet)` },
})

/**
 * @module
 * Every error churn-risk throws, with its code and status (see the README's Errors table).
 */
import { defineErrors } from '@rapport/plugin-sdk'

export const churnErrors = defineErrors('CHURN', {
  CUSTOMER_NOT_SCORED: { status: 404, message: (d: { customerId: string }) => `Customer ${d.customerId} has no churn-risk score yet (no order or signal seen)` },
})

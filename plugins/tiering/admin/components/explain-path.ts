/**
 * @module
 * Where a customer's explain page lives in the admin: a child route of tiering's overview.
 */

/** Absolute admin path of the explain page (the router's basename `/admin` is added by it). @example explainPath('cus_1') // '/tiering/customers/cus_1' */
export const explainPath = (customerId: string): string => `/tiering/customers/${encodeURIComponent(customerId)}`

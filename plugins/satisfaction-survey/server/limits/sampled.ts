/**
 * @module
 * Whether a customer is in a survey's sample: a hash of the survey and the customer, so the same
 * customer is in or out every time (a second trigger does not draw again), and surveys draw apart.
 */
import { createHash } from 'node:crypto'

/** @example isSampled('srv_1', 'c_1', 20) // true for about one customer in five */
export function isSampled(surveyId: string, customerId: string, percent: number | null): boolean {
  if (percent === null || percent >= 100) return true
  const bucket = createHash('sha256').update(`${surveyId}\n${customerId}`).digest().readUInt32BE(0) % 10_000
  return bucket < percent * 100
}

/**
 * @module
 * Every error complaint-tracking throws. Each is a 4xx that leaves the cases unchanged.
 */
import { defineErrors } from '@rapport/plugin-sdk'

/** @example throw complaintsErrors.CASE_NOT_FOUND({ caseId }) */
export const complaintsErrors = defineErrors('COMPLAINTS', {
  CASE_NOT_FOUND: { status: 404, message: (d: { caseId: string }) => `No complaint case ${d.caseId}` },
  CATEGORY_UNKNOWN: { status: 422, message: (d: { category: string }) => `Unknown category ${d.category}` },
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: (d: { from: string; to: string; allowed: string[] }) => `A case cannot go from ${d.from} to ${d.to}; allowed: ${d.allowed.join(', ') || 'none'}`,
  },
  REOPEN_WINDOW_PASSED: { status: 409, message: (d: { caseId: string; resolvedAt: string; days: number }) => `Case ${d.caseId} was resolved at ${d.resolvedAt}, more than ${d.days} days ago` },
  RESOLUTION_REQUIRED: { status: 422, message: (d: { missing: string[] }) => `Resolving needs ${d.missing.join(' and ')}` },
  CASE_CLOSED: { status: 409, message: (d: { caseId: string; status: string }) => `Case ${d.caseId} is ${d.status} and takes no more replies` },
  NOTE_NOT_ALLOWED: { status: 403, message: () => 'Customers can only post replies visible to the customer' },
})

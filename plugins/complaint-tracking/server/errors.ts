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
  ASSIGNEE_NOT_FOUND: { status: 422, message: (d: { field: 'assigneeId'; assigneeId: string }) => `${d.field}: no active user ${d.assigneeId} (a team is team:<name>)` },
  CASE_CLOSED: { status: 409, message: (d: { caseId: string; status: string }) => `Case ${d.caseId} is ${d.status} and takes no more replies` },
  NOTE_NOT_ALLOWED: { status: 403, message: () => 'Customers can only post replies visible to the customer' },
  GOODWILL_OVER_LIMIT: { status: 422, message: (d: { points: number; max: number }) => `Goodwill of ${d.points} points is above the limit of ${d.max}` },
  GOODWILL_NOT_ALLOWED: { status: 422, message: (d: { reason: string }) => `Goodwill points cannot be granted here: ${d.reason}` },
  FOLLOW_UP_NOT_FOUND: { status: 404, message: (d: { followUpId: string }) => `No follow-up visit ${d.followUpId}` },
  FOLLOW_UP_DONE: { status: 409, message: (d: { followUpId: string; status: string }) => `Follow-up visit ${d.followUpId} is already ${d.status}` },
  FOLLOW_UP_OUTCOME_INVALID: { status: 422, message: () => 'Satisfaction can only be recorded when the customer was reached' },
  FOLLOW_UP_SATISFACTION_REQUIRED: { status: 422, message: () => 'A call that reached the customer records whether they are satisfied' },
  FOLLOW_UP_OWNER_NOT_FOUND: { status: 422, message: (d: { ownerId: string }) => `ownerId: no active staff user ${d.ownerId}` },
  ATTACHMENT_TOO_LARGE: { status: 413, message: (d: { sizeBytes: number; maxBytes: number }) => `The file has ${d.sizeBytes} bytes; at most ${d.maxBytes} are accepted` },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, message: (d: { contentType: string; allowed: string[] }) => `Files of type ${d.contentType} are not accepted; allowed: ${d.allowed.join(', ')}` },
  ATTACHMENT_CONTENT_MISMATCH: { status: 415, message: (d: { contentType: string }) => `The file's content is not ${d.contentType}` },
  ATTACHMENT_LIMIT_REACHED: { status: 409, message: (d: { maxPerCase: number }) => `A case holds at most ${d.maxPerCase} attachments` },
  ATTACHMENT_NOT_FOUND: { status: 404, message: (d: { attachmentId: string }) => `No attachment ${d.attachmentId} on this case` },
  FORM_DISABLED: { status: 404, message: () => 'The public complaint form is switched off' },
  FORM_RATE_LIMITED: { status: 429, message: (d: { retryAfterSeconds: number; perHour: number }) => `At most ${d.perHour} complaints an hour from one address; retry in ${d.retryAfterSeconds}s` },
  IMPORT_CELL_INVALID: { status: 422, message: (d: { column: string; reason: string }) => `${d.column} ${d.reason}` },
  IMPORT_CUSTOMER_UNKNOWN: { status: 422, message: (d: { column: string; value: string }) => `No customer with ${d.column} ${d.value}; import the customers (or their orders) first` },
  IMPORT_STATUS_INVALID: { status: 422, message: (d: { status: string; reason: string }) => `Status ${d.status} ${d.reason}` },
  IMPORT_DATES_OUT_OF_ORDER: { status: 422, message: (d: { column: string; before: string }) => `${d.column} is before ${d.before}` },
  CASE_MERGED: { status: 409, message: (d: { caseId: string; mergedInto: string }) => `Case ${d.caseId} was merged into ${d.mergedInto}` },
  MERGE_INVALID: { status: 422, message: (d: { reason: 'same case' | 'different customers' }) => `These cases cannot be merged: ${d.reason}` },
  CANNED_REPLY_NOT_FOUND: { status: 404, message: (d: { replyId: string }) => `No canned reply ${d.replyId}` },
  VIEW_NOT_FOUND: { status: 404, message: (d: { viewId: string }) => `No saved view ${d.viewId} of yours` },
  FIELD_UNKNOWN: { status: 422, message: (d: { field: string; category: string }) => `Cases of ${d.category} have no field ${d.field}` },
  FIELD_INVALID: { status: 422, message: (d: { field: string; reason: string }) => `${d.field} must be ${d.reason}` },
  FIELD_REQUIRED: { status: 422, message: (d: { fields: string[]; category: string; moment: 'resolve' | 'file' }) => `Cases of ${d.category} need ${d.fields.join(', ')} to be ${d.moment === 'file' ? 'filed' : 'resolved'}` },
  TRACKING_INVALID: { status: 404, message: () => 'No case for this tracking link' },
  ANALYTICS_RANGE_INVALID: { status: 422, message: (d: { from: string; to: string }) => `The range ${d.from} to ${d.to} is empty or longer than 366 days` },
  HOLIDAY_IMPORT_INVALID: { status: 422, message: (d: { issues: Array<{ line: number; message: string }> }) => `The holiday file was refused: ${d.issues.map((i) => (i.line ? `line ${i.line}: ${i.message}` : i.message)).join('; ')}` },
})

/**
 * @module
 * Payload schemas of the events complaint-tracking owns (the customer is the event's `customerId`).
 */
import { z } from '@rapport/plugin-sdk'

/** A case was taken in. */
export const complaintsOpened = z.object({ caseId: z.string(), channel: z.string(), category: z.string(), priority: z.string() })
/** A case was resolved, with its resolution code. */
export const complaintsResolved = z.object({ caseId: z.string(), resolutionCode: z.string(), category: z.string() })
/** A resolved or closed case was reopened within the window. */
export const complaintsReopened = z.object({ caseId: z.string(), from: z.string(), reason: z.string().optional() })

/** `events` of the definition. @example definePlugin({ ..., events }) */
export const events = {
  'complaints.opened': complaintsOpened,
  'complaints.resolved': complaintsResolved,
  'complaints.reopened': complaintsReopened,
}

declare module '@rapport/plugin-sdk' {
  interface EventMap {
    'complaints.opened': z.infer<typeof complaintsOpened>
    'complaints.resolved': z.infer<typeof complaintsResolved>
    'complaints.reopened': z.infer<typeof complaintsReopened>
  }
}

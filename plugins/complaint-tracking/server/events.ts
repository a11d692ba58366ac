/**
 * @module
 * Payload schemas of the events complaint-tracking owns (the customer is the event's
 * `customerId`, null for a public-form case). Their names are the domain's singular `complaint.*`
 * (the plugin's `eventPrefixes`), not the namespace `complaints`, as the issue names them.
 */
import { z } from '@rapport/plugin-sdk'

const slaTarget = z.enum(['firstResponse', 'nextUpdate', 'resolution'])

/** A case was taken in. */
export const complaintsOpened = z.object({ caseId: z.string(), caseNumber: z.string().optional(), channel: z.string(), category: z.string(), priority: z.string() })
/** A case was resolved: what satisfaction-survey needs to send a CSAT invitation. */
export const complaintsResolved = z.object({
  caseId: z.string(), customerId: z.string().nullable(), resolutionCode: z.string(), category: z.string(), resolvedAt: z.string(),
  goodwillPoints: z.number().int().positive().optional(),
})
/** A resolved or closed case was reopened within the window. */
export const complaintsReopened = z.object({ caseId: z.string(), from: z.string(), reason: z.string().optional() })
/** Goodwill points granted with a resolution; points-membership may credit them. */
export const complaintsGoodwillGranted = z.object({ caseId: z.string(), points: z.number().int().positive(), resolutionCode: z.string() })
/** An SLA target crossed its warning share, or its target (once per case, target and cycle). */
export const complaintsSlaCrossed = z.object({
  caseId: z.string(), target: slaTarget, cycle: z.string(), policyId: z.string(), breachAt: z.string().nullable(),
  elapsedMinutes: z.number(), targetMinutes: z.number(), actions: z.array(z.string()),
})

/** A case's category or priority was changed after intake (one event per changed field). */
export const complaintsChanged = z.object({ caseId: z.string(), field: z.enum(['category', 'priority']), from: z.string(), to: z.string() })

/** `events` of the definition. @example definePlugin({ ..., events }) */
export const events = {
  'complaint.opened': complaintsOpened,
  'complaint.resolved': complaintsResolved,
  'complaint.reopened': complaintsReopened,
  'complaint.goodwill.granted': complaintsGoodwillGranted,
  'complaint.sla.warning': complaintsSlaCrossed,
  'complaint.sla.breached': complaintsSlaCrossed,
  'complaint.changed': complaintsChanged,
}

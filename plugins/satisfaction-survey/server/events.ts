/**
 * @module
 * Payload schemas of the events satisfaction-survey owns (the customer is the event's `customerId`,
 * null for anonymous public responses), under the event prefix `survey` the definition declares.
 */
import { z } from '@rapport/plugin-sdk'

const score = z.number().nullable()

/** A response was completed; scores are null when the survey does not ask them. */
export const responseCompleted = z.object({
  surveyId: z.string(), version: z.number().int(), responseId: z.string(), channel: z.enum(['link', 'public', 'import']),
  nps: score, csat: score, ces: score,
  /** The complaint case the response is about (the invitation's hidden field `caseId`). */
  caseId: z.string().optional(),
})
/** A completed response gave an NPS of 6 or less. */
export const detractorResponded = z.object({ surveyId: z.string(), responseId: z.string(), nps: z.number() })
/**
 * An invitation was created. It carries no link: anyone who may read events would otherwise open
 * the survey as the customer. The sender signs the link again from the invitation.
 */
export const invitationCreated = z.object({
  invitationId: z.string(), surveyId: z.string(), version: z.number().int(), expiresAt: z.string(), locale: z.string(), source: z.string(),
})

/** `events` of the definition. @example definePlugin({ ..., events }) */
export const events = {
  'survey.response.completed': responseCompleted,
  'survey.detractor': detractorResponded,
  'survey.invitation.created': invitationCreated,
}

/**
 * @module
 * The satisfaction-survey events this plugin listens to (owned by that plugin; named here once so
 * a rename is one line).
 */

/** A customer answered as a detractor: `{ customerId, surveyId, responseId, nps }`. */
export const SURVEY_DETRACTOR = 'survey.detractor'
/** A response was completed; carries `csat` and, for a complaint-resolution survey, `caseId` (or `context.caseId`). */
export const SURVEY_RESPONSE_COMPLETED = 'survey.response.completed'

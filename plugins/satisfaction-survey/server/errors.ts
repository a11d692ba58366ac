/**
 * @module
 * Every error satisfaction-survey throws. Each is a 4xx that leaves the stored surveys and responses unchanged.
 */
import { defineErrors } from '@rapport/plugin-sdk'

type Issue = { path: string; code: string; message: string }
type AnswerIssue = { question: string; code: string; message: string }

/** @example throw surveyErrors.NOT_FOUND({ surveyId }) */
export const surveyErrors = defineErrors('SURVEY', {
  NOT_FOUND: { status: 404, message: (d: { surveyId: string }) => `No survey ${d.surveyId}` },
  VERSION_NOT_FOUND: { status: 404, message: (d: { surveyId: string; version: number }) => `Survey ${d.surveyId} has no version ${d.version}` },
  TEMPLATE_NOT_FOUND: { status: 404, message: (d: { templateId: string }) => `No template ${d.templateId}` },
  DEFINITION_INVALID: { status: 400, message: (d: { issues: Issue[] }) => `The survey JSON is not valid: ${d.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}` },
  SCORE_QUESTION_INVALID: { status: 400, message: (d: { score: string; question: string; reason: string }) => `The ${d.score} score question ${d.question} ${d.reason}` },
  VERSION_IMMUTABLE: { status: 409, message: (d: { surveyId: string; version: number }) => `Version ${d.version} of survey ${d.surveyId} is published and cannot change; edit the survey's draft and publish again` },
  ARCHIVED: { status: 409, message: (d: { surveyId: string }) => `Survey ${d.surveyId} is archived` },
  NOT_DELETABLE: { status: 409, message: (d: { surveyId: string; versions: number }) => `Survey ${d.surveyId} has ${d.versions} published version(s); archive it instead` },
  NOT_PUBLISHED: { status: 409, message: (d: { surveyId: string }) => `Survey ${d.surveyId} has no published version yet` },
  QUIET_PERIOD: { status: 409, message: (d: { customerId: string; lastInvitedAt: string; quietDays: number }) => `The customer was invited at ${d.lastInvitedAt}, within the ${d.quietDays}-day quiet period` },
  LINK_UNKNOWN: { status: 404, message: () => 'This link does not open a survey' },
  LINK_OTHER_SURVEY: { status: 403, message: (d: { surveyId: string }) => `This link is not for survey ${d.surveyId}` },
  INVITATION_NOT_FOUND: { status: 404, message: (d: { invitationId: string }) => `No invitation ${d.invitationId}` },
  INVITATION_EXPIRED: { status: 401, message: (d: { expiresAt: string }) => `The invitation expired at ${d.expiresAt}; ask for a new one` },
  CLOSED: { status: 409, message: (d: { surveyId: string }) => `Survey ${d.surveyId} no longer takes responses` },
  ALREADY_ANSWERED: { status: 409, message: (d: { responseId: string }) => `Already answered: response ${d.responseId}` },
  ANSWER_INVALID: { status: 400, message: (d: { questions: string[]; issues: AnswerIssue[] }) => `Answers not valid for this survey: ${d.questions.join(', ')}` },
  ANSWER_RULES: { status: 422, message: (d: { questions: string[]; issues: AnswerIssue[] }) => `Answers break the survey's rules: ${d.questions.join(', ')}` },
  PREFILL_INVALID: { status: 400, message: (d: { reason: 'malformed' | 'signature' }) => d.reason === 'signature' ? 'The prefilled answers of this link were changed or belong to another link' : 'The prefilled answers of this link are malformed' },
  EMBED_UNSUITABLE: {
    status: 409,
    message: (d: { surveyId: string; reason: 'public-link-off' | 'no-score-question' | 'other-questions-required'; questions: string[] }) =>
      d.reason === 'public-link-off' ? `Survey ${d.surveyId} has no public link: the widget answers through it`
        : d.reason === 'no-score-question' ? `Survey ${d.surveyId} has no rating question on the widget's scale`
          : `The widget sends only the score, but survey ${d.surveyId} also requires ${d.questions.join(', ')}: every answer would be refused`,
  },
  PUBLIC_LINK_DISABLED: { status: 404, message: () => 'No public survey at this link' },
  CLIENT_ID_REQUIRED: { status: 400, message: () => 'A client id (cookie or clientId) is required: this survey takes one response per browser' },
  PROOF_REQUIRED: { status: 400, message: (d: { bits: number }) => `This survey needs a proof of work with ${d.bits} leading zero bits` },
  PROOF_INVALID: { status: 400, message: (d: { reason: string }) => `The proof of work is not valid: ${d.reason}` },
  RATE_LIMITED: { status: 429, message: (d: { perMinute: number; retryAfterSeconds: number }) => `At most ${d.perMinute} requests a minute; retry in ${d.retryAfterSeconds} s` },
  CAP_REACHED: { status: 409, message: (d: { surveyId: string; limit: 'total' | 'day'; max: number }) => `Survey ${d.surveyId} has its ${d.max} responses ${d.limit === 'day' ? 'for today' : 'in total'}` },
  QUOTA_FULL: { status: 409, message: (d: { surveyId: string; key: string; value: string; max: number }) => `Survey ${d.surveyId} has its ${d.max} responses where ${d.key} is ${d.value}` },
  NOT_SAMPLED: { status: 409, message: (d: { surveyId: string; customerId: string; percent: number }) => `Customer ${d.customerId} is not in the ${d.percent}% sample of survey ${d.surveyId}` },
  LIMITS_INVALID: { status: 422, message: (d: { key: string; reason: string }) => `Quota ${d.key}: ${d.reason}` },
  RESPONSE_NOT_FOUND: { status: 404, message: (d: { responseId: string }) => `No response ${d.responseId}` },
  QUESTION_NOT_FOUND: { status: 404, message: (d: { surveyId: string; question: string }) => `Survey ${d.surveyId} has no question ${d.question}` },
  IMPORT_CELL_INVALID: { status: 422, message: (d: { column: string; reason: string }) => `${d.column} ${d.reason}` },
  IMPORT_CUSTOMER_UNKNOWN: { status: 422, message: (d: { column: string; value: string }) => `No customer with ${d.column} ${d.value}; import the customers (or their orders) first` },
})

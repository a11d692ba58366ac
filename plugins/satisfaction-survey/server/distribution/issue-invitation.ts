/**
 * @module
 * Creates an invitation: a signed customer link pinned to the survey's latest version, after the
 * quiet-period check, and emits `survey.invitation.created` (without the link: sending is the
 * after-commit subscriber's job, and it signs the link again from the invitation).
 */
import { newId, type PluginContext, type Queryable } from '@rapport/plugin-sdk'
import type { SurveyConfig } from '../config.js'
import { surveyErrors } from '../errors.js'
import { findVersion, type StoredSurvey } from '../surveys/survey-store.js'
import { checkInvitationCells, readLimits } from '../limits/limit-store.js'
import { isSampled } from '../limits/sampled.js'
import { signPrefill } from '../prefill/prefill-signature.js'
import { checkAnswers } from '../responses/check-answers.js'
import { compileSurvey } from '../validation/index.js'
import { newInvitationLink, pagePath } from './invitation-link.js'
import { type Invitation, insertInvitation, invitationById, lastInvitedAt, tokenHash } from './invitation-store.js'

/** What issuing needs from the plugin context. */
export type IssueDeps = Pick<PluginContext<SurveyConfig>, 'config' | 'now' | 'emit' | 'updateProfile' | 'issueCustomerLink' | 'customers' | 'readProfile' | 'timeZone'>

/** What an invitation is issued with. */
export type IssueInput = {
  survey: StoredSurvey; customerId: string; source: string; locale?: string | undefined; hidden?: Record<string, unknown> | undefined
  ttlDays?: number | undefined; ignoreQuietPeriod?: boolean | undefined
  /** Answers the link carries (`?prefill=`), checked now as a partial save would check them. */
  prefill?: Record<string, unknown> | undefined
}

/**
 * Throws CUSTOMER_NOT_FOUND, SURVEY_ARCHIVED, SURVEY_NOT_PUBLISHED, SURVEY_QUIET_PERIOD, the survey's limits
 * (SURVEY_NOT_SAMPLED, SURVEY_CAP_REACHED, SURVEY_QUOTA_FULL), or SURVEY_ANSWER_INVALID /
 * SURVEY_ANSWER_RULES for prefilled answers that do not fit; otherwise the
 * invitation, its token and URL (for the issuing response only: the event does not carry them).
 * @example const { invitation, token, url } = await issueInvitation(tx, ctx, { survey, customerId, source: 'manual' })
 */
export async function issueInvitation(tx: Queryable, deps: IssueDeps, input: IssueInput): Promise<{ invitation: Invitation; token: string; url: string }> {
  const { survey, customerId } = input
  if (survey.archivedAt) throw surveyErrors.ARCHIVED({ surveyId: survey.id })
  if (survey.latestVersion === null) throw surveyErrors.NOT_PUBLISHED({ surveyId: survey.id })
  await deps.customers.require(customerId, tx)
  // On PostgreSQL the customer's profile lock serializes two invitations racing past the quiet check.
  if (tx.dialect === 'pg') await deps.updateProfile(tx, customerId, {}, { id: 'lock' })
  const now = deps.now()
  const quietDays = deps.config.quietDays
  const last = await lastInvitedAt(tx, customerId)
  if (!input.ignoreQuietPeriod && last && quietDays > 0 && now.getTime() - Date.parse(last) < quietDays * 86_400_000) {
    throw surveyErrors.QUIET_PERIOD({ customerId, lastInvitedAt: last, quietDays })
  }
  const limits = await readLimits(tx, survey.id)
  if (limits) {
    if (!isSampled(survey.id, customerId, limits.samplePercent)) throw surveyErrors.NOT_SAMPLED({ surveyId: survey.id, customerId, percent: limits.samplePercent! })
    await checkInvitationCells(tx, survey.id, limits, await deps.readProfile(customerId, tx), now, deps.timeZone)
  }
  const version = (await findVersion(tx, survey.id, survey.latestVersion))!
  // Staff learn now, not the customer on opening, that the prefilled answers do not fit the version.
  if (input.prefill) checkAnswers(compileSurvey(version.json), input.prefill, { partial: true })
  const ttlDays = input.ttlDays ?? deps.config.linkTtlDays
  const id = newId('inv')
  const { token, expiresAt } = newInvitationLink(deps, id, customerId, ttlDays * 86_400)
  const locale = input.locale && version.locales.includes(input.locale) ? input.locale : version.defaultLocale
  await insertInvitation(tx, {
    id, surveyId: survey.id, versionId: version.id, version: version.version, customerId, tokenHash: tokenHash(token), source: input.source,
    locale, hidden: input.hidden ?? {}, expiresAt, createdAt: now.toISOString(),
  })
  await deps.emit('survey.invitation.created', customerId, { invitationId: id, surveyId: survey.id, version: version.version, expiresAt, locale, source: input.source }, { key: id, tx })
  const prefill = input.prefill ? `?prefill=${signPrefill(deps, { id, customerId, expiresAt }, input.prefill)}` : ''
  return { invitation: (await invitationById(tx, id))!, token, url: pagePath(token) + prefill }
}

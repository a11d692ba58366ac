/**
 * @module
 * The anonymous public link: the form (with the browser's client id), proof-of-work challenges
 * and completed responses. One response per browser when the survey asks for it; a proof of work
 * when its difficulty is above zero. Responses carry no customer.
 */
import { newId, type Database, type z } from '@rapport/plugin-sdk'
import type { publicAnswerRequest, publicFormSchema } from '../../shared/schemas.js'
import { surveyErrors } from '../errors.js'
import type { AnswerDeps } from '../responses/answer-deps.js'
import { checkAnswers } from '../responses/check-answers.js'
import { dayOf } from '../limits/limit-cells.js'
import { claimCells, readLimits } from '../limits/limit-store.js'
import { recordCompletion } from '../responses/record-completion.js'
import { insertResponse, responseIdOfClient } from '../responses/response-store.js'
import { scoresOf } from '../responses/scores-of.js'
import { findSurveyByPublicToken, findVersion, type StoredSurvey, type Version } from '../surveys/survey-store.js'
import { issueChallenge, verifyProof } from './proof-of-work.js'

/** The public survey with its latest version; throws SURVEY_PUBLIC_LINK_DISABLED or SURVEY_CLOSED. @example await publicSurvey(ctx.db, token) */
export async function publicSurvey(db: Database, token: string): Promise<{ survey: StoredSurvey; version: Version }> {
  const survey = await findSurveyByPublicToken(db, token)
  if (!survey?.publicLink.enabled || survey.latestVersion === null) throw surveyErrors.PUBLIC_LINK_DISABLED()
  if (survey.archivedAt) throw surveyErrors.CLOSED({ surveyId: survey.id })
  return { survey, version: (await findVersion(db, survey.id, survey.latestVersion))! }
}

const clientKeyOf = (surveyId: string, clientId: string) => `${surveyId}:${clientId}`

/** @example const form = await publicForm(ctx.db, token, clientId, 'en') */
export async function publicForm(db: Database, token: string, clientId: string, locale?: string): Promise<z.infer<typeof publicFormSchema>> {
  const { survey, version } = await publicSurvey(db, token)
  const answered = survey.publicLink.oneResponsePerClient ? await responseIdOfClient(db, clientKeyOf(survey.id, clientId)) : undefined
  return {
    surveyId: survey.id, version: version.version, json: version.json, locales: version.locales,
    locale: locale && version.locales.includes(locale) ? locale : version.defaultLocale, theme: version.theme,
    status: answered ? 'completed' : 'open', answers: {}, hidden: {}, responseId: answered ?? null, expiresAt: null,
    clientId, proofOfWorkBits: survey.publicLink.proofOfWorkBits,
  }
}

/** @example const { challenge, bits } = await publicChallenge(ctx.db, token, now, 600) */
export async function publicChallenge(db: Database, token: string, now: Date, ttlSeconds: number): Promise<{ challenge: string; bits: number; expiresAt: string }> {
  const { survey } = await publicSurvey(db, token)
  return { ...issueChallenge(survey.publicSecret, now, ttlSeconds), bits: survey.publicLink.proofOfWorkBits }
}

/**
 * Checks the client id and proof, validates against the latest version, stores the accepted answers.
 * @example const { responseId } = await completePublic(ctx.db, deps, token, clientId, body)
 */
export async function completePublic(db: Database, deps: AnswerDeps, token: string, clientId: string | undefined, body: z.infer<typeof publicAnswerRequest>): Promise<{ responseId: string; completedAt: string }> {
  const { survey, version } = await publicSurvey(db, token)
  const { oneResponsePerClient, proofOfWorkBits } = survey.publicLink
  if (oneResponsePerClient && !clientId) throw surveyErrors.CLIENT_ID_REQUIRED()
  if (proofOfWorkBits > 0) {
    if (!body.proof) throw surveyErrors.PROOF_REQUIRED({ bits: proofOfWorkBits })
    verifyProof(survey.publicSecret, body.proof, proofOfWorkBits, deps.now())
  }
  const accepted = checkAnswers(deps.compiled.of(version), body.answers, { partial: false })
  return deps.groupTx(async (tx) => {
    const clientKey = oneResponsePerClient ? clientKeyOf(survey.id, clientId!) : null
    const first = clientKey ? await responseIdOfClient(tx, clientKey) : undefined
    if (first) throw surveyErrors.ALREADY_ANSWERED({ responseId: first })
    const proofChallenge = proofOfWorkBits > 0 ? body.proof!.challenge : null
    if (proofChallenge && await tx.get('SELECT 1 AS used FROM satisfaction_responses WHERE proof_challenge = ?', [proofChallenge])) {
      throw surveyErrors.PROOF_INVALID({ reason: 'challenge already used' })
    }
    const now = deps.now()
    const at = now.toISOString()
    const limits = await readLimits(tx, survey.id)
    if (limits) await claimCells(tx, survey.id, limits, { answers: accepted, profile: {}, day: dayOf(now, deps.timeZone) })
    const responseId = newId('rsp')
    const scores = scoresOf(version.scores, accepted)
    await insertResponse(tx, {
      id: responseId, surveyId: survey.id, versionId: version.id, version: version.version, invitationId: null, customerId: null, channel: 'public',
      status: 'completed', locale: body.locale && version.locales.includes(body.locale) ? body.locale : version.defaultLocale, answers: accepted,
      hidden: {}, profileSnapshot: {}, scores, clientKey, proofChallenge, at,
    })
    await recordCompletion(tx, deps, { responseId, surveyId: survey.id, version: version.version, customerId: null, channel: 'public', scores })
    return { responseId, completedAt: at }
  })
}

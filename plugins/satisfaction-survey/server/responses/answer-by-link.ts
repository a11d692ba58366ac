/**
 * @module
 * The customer-link pipeline: open the form, save a partial response, complete it. The link's
 * invitation pins the version; a completed invitation takes nothing more (409 naming the
 * response); a bad answer changes nothing already saved.
 */
import { newId, type Database, type Queryable, type z } from '@rapport/plugin-sdk'
import type { surveyFormSchema } from '../../shared/schemas.js'
import { surveyErrors } from '../errors.js'
import { type Invitation, advanceInvitation, completeInvitation, invitationByToken, invitationForAnswer, tokenHash } from '../distribution/invitation-store.js'
import { archivedAtOf, type Version } from '../surveys/survey-store.js'
import type { AnswerDeps } from './answer-deps.js'
import { checkAnswers } from './check-answers.js'
import { dayOf } from '../limits/limit-cells.js'
import { claimCells, readLimits } from '../limits/limit-store.js'
import { snapshotOf } from './profile-snapshot.js'
import { recordCompletion } from './record-completion.js'
import { completeResponse, insertResponse, responseOfInvitation, savePartialAnswers } from './response-store.js'
import { scoresOf } from './scores-of.js'

/** What the customer page renders. */
export type SurveyForm = z.infer<typeof surveyFormSchema>

/** The invitation of a link for `surveyId` (any survey when omitted). Throws SURVEY_LINK_UNKNOWN or SURVEY_LINK_OTHER_SURVEY. */
async function invitationOf(q: Queryable, token: string, surveyId: string | undefined, lock = false): Promise<Invitation> {
  const invitation = await invitationByToken(q, token, { lock })
  if (!invitation) throw surveyErrors.LINK_UNKNOWN()
  if (surveyId !== undefined && invitation.surveyId !== surveyId) throw surveyErrors.LINK_OTHER_SURVEY({ surveyId })
  return invitation
}

/** Throws when the invitation no longer takes answers (`surveyOpen`: its survey exists and is not archived). */
function assertOpen(invitation: Invitation, surveyOpen: boolean, now: Date): void {
  if (invitation.status === 'completed') throw surveyErrors.ALREADY_ANSWERED({ responseId: invitation.responseId! })
  if (invitation.status === 'expired' || Date.parse(invitation.expiresAt) <= now.getTime()) throw surveyErrors.INVITATION_EXPIRED({ expiresAt: invitation.expiresAt })
  if (!surveyOpen) throw surveyErrors.CLOSED({ surveyId: invitation.surveyId })
}

/** {@link assertOpen}, reading whether the survey is open. */
async function assertAnswerable(q: Queryable, invitation: Invitation, now: Date): Promise<void> {
  assertOpen(invitation, (await archivedAtOf(q, invitation.surveyId)) === null, now)
}

const pickLocale = (version: Version, wanted: string | undefined, fallback: string) => (wanted && version.locales.includes(wanted) ? wanted : fallback)

/**
 * The form for a link, with any saved partial answers; marks the invitation opened. A completed
 * invitation still answers (status `completed`, its response id) so the page can thank the customer.
 * @example const form = await openByLink(ctx.db, deps, token, 'en')
 */
export async function openByLink(db: Database, deps: AnswerDeps, token: string, locale?: string): Promise<SurveyForm> {
  return db.tx(async (tx) => {
    const invitation = await invitationOf(tx, token, undefined)
    if (invitation.status !== 'completed') await assertAnswerable(tx, invitation, deps.now())
    const version = (await deps.versions.byId(tx, invitation.versionId))!
    const saved = await responseOfInvitation(tx, invitation.id)
    await advanceInvitation(tx, invitation.id, 'opened', deps.now().toISOString())
    return {
      surveyId: invitation.surveyId, version: version.version, json: version.json, locales: version.locales,
      locale: pickLocale(version, locale, saved?.locale ?? invitation.locale), theme: version.theme,
      status: invitation.status === 'created' ? 'opened' : invitation.status === 'expired' ? 'opened' : invitation.status,
      answers: saved?.answers ?? {}, hidden: invitation.hidden, responseId: invitation.status === 'completed' ? invitation.responseId : null,
      expiresAt: invitation.expiresAt,
    }
  })
}

/** Saves answers in progress (everything checked but required questions). @example await savePartialByLink(ctx.db, deps, token, surveyId, body) */
export async function savePartialByLink(db: Database, deps: AnswerDeps, token: string, surveyId: string, body: { answers: Record<string, unknown>; locale?: string | undefined }): Promise<{ status: 'partial'; savedAt: string }> {
  const pinned = await invitationOf(db, token, surveyId)
  const version = (await deps.versions.byId(db, pinned.versionId))!
  const accepted = checkAnswers(deps.compiled.of(version), body.answers, { partial: true })
  return deps.groupTx(async (tx) => {
    if (tx.dialect === 'pg') await deps.updateProfile(tx, pinned.customerId, {}, { id: 'lock' })
    const invitation = await invitationOf(tx, token, surveyId, true)
    const now = deps.now()
    await assertAnswerable(tx, invitation, now)
    const at = now.toISOString()
    const locale = pickLocale(version, body.locale, invitation.locale)
    const saved = await responseOfInvitation(tx, invitation.id)
    if (saved) await savePartialAnswers(tx, saved.id, accepted, locale, at)
    else {
      await insertResponse(tx, {
        id: newId('rsp'), surveyId, versionId: version.id, version: version.version, invitationId: invitation.id, customerId: invitation.customerId,
        channel: 'link', status: 'partial', locale, answers: accepted, hidden: invitation.hidden, profileSnapshot: {},
        scores: { nps: null, csat: null, ces: null }, clientKey: null, proofChallenge: null, at,
      })
    }
    await advanceInvitation(tx, invitation.id, 'partial', at)
    return { status: 'partial' as const, savedAt: at }
  })
}

/**
 * Validates against the pinned version, stores exactly the accepted answers with the profile
 * snapshot and scores, completes the invitation, emits and mirrors the profile, in one transaction
 * (on SQLite a savepoint of a transaction shared with concurrent completions, see createGroupTx in @rapport/db).
 * The link is read once, inside it, so a concurrent completion of the same link gets 409. Checks
 * run in the same order as everywhere: link, then answers (400, 422), then whether it still takes
 * them (409, 410); a refusal rolls back nothing but its own savepoint, which holds no write yet.
 * @example const { responseId } = await completeByLink(ctx.db, deps, token, surveyId, body)
 */
export async function completeByLink(db: Database, deps: AnswerDeps, token: string, surveyId: string, body: { answers: Record<string, unknown>; locale?: string | undefined }): Promise<{ responseId: string; completedAt: string }> {
  const hash = tokenHash(token)
  // PostgreSQL: every write path locks the customer's profile before the invitation's row, so
  // the customer is read first (SQLite has one writer: nothing to order).
  const lockCustomer = db.dialect === 'pg' ? (await invitationOf(db, token, surveyId)).customerId : undefined
  return deps.groupTx(async (tx) => {
    if (lockCustomer !== undefined) await deps.updateProfile(tx, lockCustomer, {}, { id: 'lock' })
    const found = await invitationForAnswer(tx, hash, { lock: true })
    if (!found) throw surveyErrors.LINK_UNKNOWN()
    const { invitation, surveyOpen, savedResponseId } = found
    if (invitation.surveyId !== surveyId) throw surveyErrors.LINK_OTHER_SURVEY({ surveyId })
    const version = (await deps.versions.byId(tx, invitation.versionId))!
    const accepted = checkAnswers(deps.compiled.of(version), body.answers, { partial: false })
    const now = deps.now()
    assertOpen(invitation, surveyOpen, now)
    const at = now.toISOString()
    const before = await deps.readProfile(invitation.customerId, tx)
    const limits = await readLimits(tx, surveyId)
    if (limits) await claimCells(tx, surveyId, limits, { answers: accepted, profile: snapshotOf(before), day: dayOf(now, deps.timeZone) })
    const completion = {
      answers: accepted, locale: pickLocale(version, body.locale, invitation.locale), at,
      profileSnapshot: snapshotOf(before), scores: scoresOf(version.scores, accepted),
    }
    const responseId = savedResponseId ?? newId('rsp')
    if (savedResponseId) await completeResponse(tx, responseId, completion)
    else {
      await insertResponse(tx, {
        ...completion, id: responseId, surveyId, versionId: version.id, version: version.version, invitationId: invitation.id,
        customerId: invitation.customerId, channel: 'link', status: 'completed', hidden: invitation.hidden, clientKey: null, proofChallenge: null,
      })
    }
    await completeInvitation(tx, invitation.id, responseId, at)
    await recordCompletion(tx, deps, {
      responseId, surveyId, version: version.version, customerId: invitation.customerId, channel: 'link', scores: completion.scores, hidden: invitation.hidden,
      known: { before, completedAt: at },
    })
    return { responseId, completedAt: at }
  })
}

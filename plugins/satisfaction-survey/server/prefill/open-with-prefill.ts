/**
 * @module
 * Opening a customer link that carries prefilled answers (`/s/<token>?prefill=…`, a score clicked
 * in an e-mail): the signature is checked for this link's invitation, the answers are saved as the
 * response in progress (over any saved ones) through the same path and validator as a partial
 * save (400 malformed, 422 broken rule), then the form is served with them. A completed
 * invitation takes nothing more: the form says so, as without a prefill.
 */
import type { Database } from '@rapport/plugin-sdk'
import type { LinkDeps } from '../distribution/invitation-link.js'
import { invitationByToken } from '../distribution/invitation-store.js'
import { surveyErrors } from '../errors.js'
import type { AnswerDeps } from '../responses/answer-deps.js'
import { openByLink, savePartialByLink, type SurveyForm } from '../responses/answer-by-link.js'
import { responseOfInvitation } from '../responses/response-store.js'
import { readPrefill } from './prefill-signature.js'

/**
 * @example const form = await openWithPrefill(ctx.db, deps, token, c.req.valid('query').prefill, 'en')
 */
export async function openWithPrefill(db: Database, deps: AnswerDeps & LinkDeps, token: string, prefill: string, locale?: string): Promise<SurveyForm> {
  const invitation = await invitationByToken(db, token)
  if (!invitation) throw surveyErrors.LINK_UNKNOWN()
  if (invitation.status !== 'completed') {
    const answers = readPrefill(deps, invitation, prefill)
    const saved = await responseOfInvitation(db, invitation.id)
    await savePartialByLink(db, deps, token, invitation.surveyId, { answers: { ...saved?.answers, ...answers }, locale })
  }
  return openByLink(db, deps, token, locale)
}

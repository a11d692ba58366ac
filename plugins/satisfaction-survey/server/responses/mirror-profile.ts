/**
 * @module
 * Mirrors a customer's completed responses into the `satisfaction.*` profile fields, in the
 * response write's transaction; the same function serves a profile rebuild. A live completion
 * that knows the profile as it was just before, and is the customer's latest response, is
 * mirrored from that profile and its own scores (the count plus one, its time, its NPS and CES
 * as the last ones) instead of re-reading every response the customer gave, the one just written
 * included; only a CSAT re-reads the average. Anything else (imports of past answers, a profile
 * without the mirror yet) recomputes from the stored responses.
 */
import type { PluginContext, ProfileChanges, ProfileSnapshot, Queryable } from '@rapport/plugin-sdk'
import { npsCategory } from '../profile.js'
import { averageCsat, customerAggregates } from './response-store.js'
import type { ResponseScores } from './scores-of.js'

const setOrUnset = (v: string | number | null) => (v === null ? { unset: true as const } : { set: v })

/** The mirrored fields from the customer's completed responses. @example await profileChanges(tx, id) */
export async function profileChanges(q: Queryable, customerId: string): Promise<ProfileChanges> {
  const a = await customerAggregates(q, customerId)
  return {
    'satisfaction.responses': { set: a.responses },
    'satisfaction.lastRespondedAt': setOrUnset(a.lastAt),
    'satisfaction.lastNps': setOrUnset(a.lastNps),
    'satisfaction.npsCategory': setOrUnset(a.lastNps === null ? null : npsCategory(a.lastNps)),
    'satisfaction.avgCsat': setOrUnset(roundCsat(a.avgCsat)),
    'satisfaction.lastCes': setOrUnset(a.lastCes),
  }
}

const roundCsat = (avg: number | null) => (avg === null ? null : Math.round(avg * 100) / 100)

/** One completion as the answer path knows it: the profile read before it was written, its time and scores. */
export type KnownCompletion = { before: ProfileSnapshot; completedAt: string; scores: ResponseScores }

/**
 * The mirrored fields after one more completed response, from what was known before it; the same
 * values {@link profileChanges} would read back, when the profile held the mirror and the response
 * is the latest (it has the highest seq, so it is also first among responses of the same time).
 * @example await completionChanges(tx, id, { before: profile, completedAt: at, scores })
 */
export async function completionChanges(q: Queryable, customerId: string, k: KnownCompletion): Promise<ProfileChanges> {
  const responses = k.before['satisfaction.responses']
  const lastAt = k.before['satisfaction.lastRespondedAt']
  const mirrored = typeof responses === 'number' && Number.isInteger(responses) && responses >= 1 && typeof lastAt === 'string'
  if (!mirrored || Date.parse(lastAt) > Date.parse(k.completedAt)) return profileChanges(q, customerId)
  const changes: ProfileChanges = { 'satisfaction.responses': { set: responses + 1 }, 'satisfaction.lastRespondedAt': { set: k.completedAt } }
  if (k.scores.nps !== null) {
    changes['satisfaction.lastNps'] = { set: k.scores.nps }
    changes['satisfaction.npsCategory'] = { set: npsCategory(k.scores.nps) }
  }
  if (k.scores.ces !== null) changes['satisfaction.lastCes'] = { set: k.scores.ces }
  if (k.scores.csat !== null) changes['satisfaction.avgCsat'] = setOrUnset(roundCsat(await averageCsat(q, customerId)))
  return changes
}

/**
 * @param known - a live completion's profile before it, time and scores: mirrored without re-reading the responses
 * @example await mirrorProfile(tx, ctx, customerId, event.seq)
 */
export async function mirrorProfile(tx: Queryable, deps: Pick<PluginContext, 'updateProfile'>, customerId: string, eventSeq: number, known?: KnownCompletion): Promise<void> {
  const changes = known ? await completionChanges(tx, customerId, known) : await profileChanges(tx, customerId)
  await deps.updateProfile(tx, customerId, changes, { id: 'response-completed', eventSeq })
}

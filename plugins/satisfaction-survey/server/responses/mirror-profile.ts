/**
 * @module
 * Mirrors a customer's completed responses into the `satisfaction.*` profile fields, in the
 * response write's transaction; the same function serves a profile rebuild.
 */
import type { PluginContext, ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import { npsCategory } from '../profile.js'
import { customerAggregates } from './response-store.js'

const setOrUnset = (v: string | number | null) => (v === null ? { unset: true as const } : { set: v })

/** The mirrored fields from the customer's completed responses. @example await profileChanges(tx, id) */
export async function profileChanges(q: Queryable, customerId: string): Promise<ProfileChanges> {
  const a = await customerAggregates(q, customerId)
  return {
    'satisfaction.responses': { set: a.responses },
    'satisfaction.lastRespondedAt': setOrUnset(a.lastAt),
    'satisfaction.lastNps': setOrUnset(a.lastNps),
    'satisfaction.npsCategory': setOrUnset(a.lastNps === null ? null : npsCategory(a.lastNps)),
    'satisfaction.avgCsat': setOrUnset(a.avgCsat === null ? null : Math.round(a.avgCsat * 100) / 100),
    'satisfaction.lastCes': setOrUnset(a.lastCes),
  }
}

/** @example await mirrorProfile(tx, ctx, customerId, event.seq) */
export async function mirrorProfile(tx: Queryable, deps: Pick<PluginContext, 'updateProfile'>, customerId: string, eventSeq: number): Promise<void> {
  await deps.updateProfile(tx, customerId, await profileChanges(tx, customerId), { id: 'response-completed', eventSeq })
}

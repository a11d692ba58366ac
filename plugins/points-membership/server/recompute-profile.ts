/**
 * @module
 * For a profile rebuild: the mirrored fields, recomputed from the plugin's own records.
 */
import type { PluginContext, ProfileChanges, Queryable } from '@rapport/plugin-sdk'
import type { PointsConfig } from './config.js'
import { addDays } from './ledger/ledger-deps.js'
import { expiringSoon } from './ledger/lot-store.js'
import { findMember } from './ledger/member-store.js'
import { referralCounts } from './referrals/referral-store.js'

/** @example definePlugin({ ..., recomputeProfile }) */
export async function recomputeProfile(customerId: string, tx: Queryable, ctx: PluginContext<PointsConfig>): Promise<ProfileChanges> {
  const member = await findMember(tx, customerId)
  if (!member) return {}
  const now = ctx.now().toISOString()
  const { rewarded } = await referralCounts(tx, customerId)
  return {
    'points.balance': { set: member.balance },
    'points.lifetimeEarned': { set: member.lifetimeEarned },
    'points.memberNo': { set: member.memberNo },
    'points.memberSince': { set: member.joinedAt },
    'points.expiringSoon': { set: await expiringSoon(tx, customerId, now, addDays(now, ctx.config.expiringSoonDays)) },
    ...(rewarded > 0 ? { 'points.referrals': { set: rewarded } } : {}),
  }
}

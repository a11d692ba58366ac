/**
 * @module
 * The customer's profile at answer time, stored with the response (tier, ladder stage and every
 * other plugin's fields), without this plugin's own fields, which the response itself changes.
 */
import type { ProfileSnapshot } from '@rapport/plugin-sdk'

/** @example const snapshot = snapshotOf(await ctx.readProfile(customerId, tx)) // { 'tiering.tier': 'silver', 'tiering.ladder': 'regular', … } */
export const snapshotOf = (profile: ProfileSnapshot): Record<string, unknown> =>
  Object.fromEntries(Object.entries(profile).filter(([field, value]) => !field.startsWith('satisfaction.') && value !== undefined))

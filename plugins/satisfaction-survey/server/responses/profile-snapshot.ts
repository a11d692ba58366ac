/**
 * @module
 * The customer's profile at answer time, stored with the response (tier, ladder stage and every
 * other plugin's fields), without this plugin's own fields, which the response itself changes.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'

/** @example const snapshot = await profileSnapshot(ctx, tx, customerId) // { 'tiering.tier': 'silver', 'tiering.ladder': 'regular', … } */
export async function profileSnapshot(ctx: Pick<PluginContext, 'readProfile'>, tx: Queryable, customerId: string | null): Promise<Record<string, unknown>> {
  if (!customerId) return {}
  const profile = await ctx.readProfile(customerId, tx)
  return Object.fromEntries(Object.entries(profile).filter(([field, value]) => !field.startsWith('satisfaction.') && value !== undefined))
}

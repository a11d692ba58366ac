/**
 * @module
 * The tier multiplier from the tiering plugin's extension point; 1 while tiering is off or
 * answers something unusable.
 */
import type { PluginContext } from '@rapport/plugin-sdk'
import type { TierBenefits } from '../extension-points.js'

/** @example const multiplier = await tierMultiplier(ctx, customerId) // 1.5 for a gold member, 1 without tiering */
export async function tierMultiplier(ctx: Pick<PluginContext, 'use'>, customerId: string): Promise<number> {
  const benefits = ctx.use('tiering.benefits')
  if (!benefits) return 1
  const { pointsMultiplier } = await benefits(customerId)
  return typeof pointsMultiplier === 'number' && Number.isFinite(pointsMultiplier) && pointsMultiplier > 0 ? pointsMultiplier : 1
}

/** The customer's value tier from tiering; null while tiering is off. @example await customerTier(ctx, id) // 'diamond' */
export async function customerTier(ctx: Pick<PluginContext, 'use'>, customerId: string): Promise<TierBenefits['tier']> {
  const benefits = ctx.use('tiering.benefits')
  return benefits ? ((await benefits(customerId)).tier ?? null) : null
}

/**
 * @module
 * What one campaign adds to one order, and why: pure, no I/O, so the order subscriber and the
 * impact preview share it. The facts needing a read (tier, segment, first order) come in resolved.
 */
import type { CampaignInput } from '../../shared/campaign-schemas.js'
import type { EarningOrder } from '../earning/calculate-earning.js'

/** An order as campaigns look at it: `order.completed`'s payload. */
export type CampaignOrder = EarningOrder & { channel?: string | undefined }

/** What the conditions ask that the order itself does not say. */
export type CampaignFacts = {
  /** Points the order earned from the earning rules (tier multiplier and caps included). */
  basePoints: number
  tier: string | null
  /** No earlier order of the customer, by event time. */
  firstOrder: boolean
  /** In the campaign's segment (true when it names none). */
  inSegment: boolean
}

/** A campaign's points for an order, with the line that explains them. */
export type CampaignCredit = { points: number; detail: string }

type Rule = Pick<CampaignInput, 'kind' | 'multiplier' | 'bonusPoints' | 'conditions'>

/**
 * @returns the credit, or null when a condition does not hold
 * @example campaignPoints({ kind: 'multiplier', multiplier: 2, conditions: {} }, order, { basePoints: 129, tier: null, firstOrder: false, inSegment: true }) // { points: 129, detail: '× 2' }
 */
export function campaignPoints(campaign: Rule, order: CampaignOrder, facts: CampaignFacts): CampaignCredit | null {
  const { tiers, channels, categories, firstOrder } = campaign.conditions
  if (!facts.inSegment) return null
  if (firstOrder && !facts.firstOrder) return null
  if (tiers?.length && (facts.tier === null || !tiers.includes(facts.tier))) return null
  if (channels?.length && (order.channel === undefined || !channels.includes(order.channel))) return null
  const share = categories?.length ? categoryShare(order, categories) : 1
  if (share === 0) return null
  if (campaign.kind === 'bonus') return { points: campaign.bonusPoints ?? 0, detail: `+${campaign.bonusPoints}` }
  const multiplier = campaign.multiplier ?? 1
  const points = Math.floor(facts.basePoints * share * (multiplier - 1) + 1e-9)
  return { points, detail: share === 1 ? `× ${multiplier}` : `× ${multiplier} on ${Math.round(share * 100)}% of the order (${categories!.join(', ')})` }
}

/** The part of the order's items (by value) in `categories`; 0 when none is. */
function categoryShare(order: CampaignOrder, categories: readonly string[]): number {
  const items = order.items ?? []
  const total = items.reduce((sum, i) => sum + i.quantity * i.unitPriceMinor, 0)
  const matching = items.filter((i) => i.category !== undefined && categories.includes(i.category)).reduce((sum, i) => sum + i.quantity * i.unitPriceMinor, 0)
  if (matching === 0) return 0
  return total > 0 ? matching / total : 1
}

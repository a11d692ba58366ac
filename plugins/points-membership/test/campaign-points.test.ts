/**
 * What one campaign adds to one order: the pure calculation the order subscriber and the impact
 * preview share, as a table (no database).
 */
import { describe, expect, it } from 'vitest'
import type { CampaignInput } from '../shared/campaign-schemas.js'
import { type CampaignFacts, campaignPoints } from '../server/campaigns/campaign-points.js'

type Conditions = CampaignInput['conditions']

const order = { amountMinor: 10_000, currency: 'CNY', channel: 'app', items: [
  { sku: 'T1', category: 'tea', quantity: 1, unitPriceMinor: 2_500 }, { sku: 'C1', category: 'cups', quantity: 1, unitPriceMinor: 7_500 },
] }
const facts: CampaignFacts = { basePoints: 100, tier: 'silver', firstOrder: false, inSegment: true }
const double = { kind: 'multiplier' as const, multiplier: 2 }
const bonus = { kind: 'bonus' as const, bonusPoints: 30 }

describe('campaign points', () => {
  it.each([
    ['a multiplier on the whole order', double, {}, facts, 100],
    ['a multiplier of 1.5, rounded down', { kind: 'multiplier' as const, multiplier: 1.5 }, {}, { ...facts, basePoints: 101 }, 50],
    ['a multiplier on the tea share only', double, { categories: ['tea'] }, facts, 25],
    ['a bonus when a category matches', bonus, { categories: ['cups'] }, facts, 30],
    ['no bonus when no category matches', bonus, { categories: ['coffee'] }, facts, null],
    ['a bonus for a listed tier', bonus, { tiers: ['silver', 'diamond'] }, facts, 30],
    ['no bonus for another tier', bonus, { tiers: ['diamond'] }, facts, null],
    ['no bonus without a tier', bonus, { tiers: ['silver'] }, { ...facts, tier: null }, null],
    ['a bonus for a listed channel', bonus, { channels: ['app'] }, facts, 30],
    ['no bonus for another channel', bonus, { channels: ['store'] }, facts, null],
    ['no bonus on a later order when first orders only', bonus, { firstOrder: true }, facts, null],
    ['a bonus on the first order', bonus, { firstOrder: true }, { ...facts, firstOrder: true }, 30],
    ['no bonus outside the segment', bonus, { segmentId: 'seg_1' }, { ...facts, inSegment: false }, null],
  ] as Array<[string, typeof double | typeof bonus | { kind: 'multiplier'; multiplier: number }, Conditions, CampaignFacts, number | null]>)('%s', (_name, rule, conditions, given, expected) => {
    expect(campaignPoints({ ...rule, conditions }, order, given)?.points ?? null).toBe(expected)
  })

  it('explains a share', () => {
    expect(campaignPoints({ ...double, conditions: { categories: ['tea'] } }, order, facts)?.detail).toBe('× 2 on 25% of the order (tea)')
  })
})

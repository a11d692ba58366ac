/**
 * A stand-in for the tiering plugin in tests: it owns the `tiering.tier` profile field (same name
 * and values as the real one) and sets it from an event of its own.
 */
import { definePlugin, field, rule, z } from '@rapport/plugin-sdk'

const setTier = rule({ id: 'stub-set-tier', version: 1, on: 'tiering.stubTierSet', apply: (e) => ({ 'tiering.tier': { set: e.payload.tier } }) })

export const tieringStub = definePlugin({
  name: 'tiering', namespace: 'tiering', version: '0.0.1', host: '^1',
  profile: { tier: field.enum(['diamond', 'silver', 'bronze', 'iron'], ['Value tier', '价值等级']) },
  events: { 'tiering.stubTierSet': z.object({ tier: z.enum(['diamond', 'silver', 'bronze', 'iron']) }) },
  scoring: [setTier],
})

// The stub's own event; `tiering.tier` is typed by tiering's contract, which this plugin does not import.
declare module '@rapport/plugin-sdk' {
  interface EventMap { 'tiering.stubTierSet': { tier: 'diamond' | 'silver' | 'bronze' | 'iron' } }
}

/**
 * @module
 * Picks a case's SLA policy at intake: first policy whose categories, priorities and tiers all
 * admit the case (a missing list admits everything), and pins its terms on the case.
 */
import type { SlaTerms } from './sla-clock.js'
import type { SlaConfig, SlaPolicy } from './sla-config.js'

/** What a policy is matched on. `tier` is the customer's `tiering.tier`, when tiering gave one. */
export type PolicyInput = { category: string; priority: string; tier: string | null }

const inCategory = (category: string, ids: readonly string[]) => ids.some((id) => category === id || category.startsWith(`${id}.`))

/** @example matchPolicy(ctx.config.sla, { category: 'delivery.late', priority: 'urgent', tier: null })?.id // 'urgent' */
export function matchPolicy(sla: SlaConfig, c: PolicyInput): SlaPolicy | undefined {
  return sla.policies.find((p) =>
    (!p.categories || inCategory(c.category, p.categories)) &&
    (!p.priorities || (p.priorities as readonly string[]).includes(c.priority)) &&
    (!p.tiers || (c.tier !== null && (p.tiers as readonly string[]).includes(c.tier))))
}

/** The terms to pin, or null when no policy matches. @example termsFor(ctx.config.sla, input) */
export function termsFor(sla: SlaConfig, c: PolicyInput): SlaTerms | null {
  const p = matchPolicy(sla, c)
  return p ? {
    policyId: p.id, calendarId: p.calendar, firstResponseMinutes: p.firstResponseMinutes, nextUpdateMinutes: p.nextUpdateMinutes,
    resolutionMinutes: p.resolutionMinutes, warningPercent: p.warningPercent,
  } : null
}

/**
 * @module
 * Which call script a visit uses: its plan's, else its case category's (the nearest ancestor
 * category with a script), else the default.
 */
import type { VisitsConfig } from './visit-config.js'

/** A script in both languages. */
export type CallScript = { 'zh-CN': string; en: string }

/** @example callScript(config.visits, { category: 'product.quality', planId: null }) */
export function callScript(visits: VisitsConfig, of: { category: string | null; planId: string | null }): CallScript {
  const plan = of.planId === null ? undefined : visits.plans.find((p) => p.id === of.planId)
  if (plan?.script) return plan.script
  for (let cat = of.category; cat; cat = cat.includes('.') ? cat.slice(0, cat.lastIndexOf('.')) : null) {
    const found = visits.scripts.find((s) => s.category === cat)
    if (found) return found.script
  }
  return visits.defaultScript
}

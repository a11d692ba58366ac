/**
 * @module
 * The demo's history beyond orders, as dated steps in time order, for the plugins that are
 * enabled: surveys (satisfaction-survey), complaints with their CSAT follow-up (complaint-tracking,
 * CSAT only with surveys on), redemptions (points-membership) and win-back offers (churn-risk with
 * points-membership). Deterministic: the same data and seed give the same steps.
 */
import type { DemoCustomer, DemoOrder, DemoStory } from './demo-data.js'
import { planContext } from './demo-plan-context.js'
import { orderSteps, type DemoStep, type PlannedStep } from './demo-steps.js'
import { planComplaints } from './plan-complaints.js'
import { planLoyalty } from './plan-loyalty.js'
import { planSurveys } from './plan-surveys.js'
import { seededRandom } from './random.js'

export type PlanInput = {
  customers: DemoCustomer[]; orders: DemoOrder[]; stories: DemoStory[]
  start: number; end: number; seed: number
  /** Names of the enabled plugins. */
  plugins: ReadonlySet<string>
}

/** @example const steps = planDemo({ ...generateDemoData(), start, end, seed: 1, plugins: new Set(['satisfaction-survey']) }) */
export function planDemo({ customers, orders, stories, start, end, seed, plugins }: PlanInput): DemoStep[] {
  const ctx = planContext(seededRandom(seed ^ 0x5eed), start, end, { customers, orders, stories })
  const surveys = plugins.has('satisfaction-survey')
  const steps: PlannedStep[] = []
  if (surveys || plugins.has('points-membership')) steps.push({ kind: 'setup', at: new Date(start).toISOString() })
  if (surveys) steps.push(...planSurveys(ctx))
  if (plugins.has('complaint-tracking')) steps.push(...planComplaints(ctx).filter((s) => surveys || !s.kind.startsWith('survey.')))
  if (plugins.has('points-membership')) steps.push(...planLoyalty(ctx).filter((s) => s.kind !== 'churn.win-back' || plugins.has('churn-risk')))
  return orderSteps(steps)
}

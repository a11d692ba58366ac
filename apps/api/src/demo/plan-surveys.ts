/**
 * @module
 * Survey invitations and answers across the demo's history: a monthly relationship NPS survey of
 * recently active customers, CSAT after some purchases and CES after some store and app visits.
 * Scores follow each customer's story (heavy buyers promote, customers about to leave detract) and
 * the shop slowly improving, so the NPS trend means something. No customer is asked twice within
 * the survey plugin's default quiet period (30 days).
 */
import type { PlanContext } from './demo-plan-context.js'
import { orderedWithin } from './demo-plan-context.js'
import type { PlannedStep } from './demo-steps.js'
import { CES_COMMENTS, CSAT_COMMENTS, NPS_REASONS } from './demo-texts.js'
import { DAY_MS, HOUR_MS, iso, shanghaiTime } from './demo-time.js'
import type { Random } from './random.js'

type Invitation = { at: number; survey: 'nps' | 'csat' | 'ces'; customer: string }

const QUIET_DAYS = 30

/** @example const steps = planSurveys(ctx) */
export function planSurveys(ctx: PlanContext): PlannedStep[] {
  const { r } = ctx
  const candidates: Invitation[] = []
  // Monthly relationship NPS: about 3% of customers active in the last 90 days, at least four.
  for (let month = ctx.start; month < ctx.end; month += 30.4 * DAY_MS) {
    const active = ctx.customers.filter((c) => orderedWithin(ctx, c.externalId, month, 90))
    const k = Math.min(active.length, Math.max(4, Math.round(active.length * 0.03)))
    for (const c of sample(r, active, k)) candidates.push({ at: shanghaiTime(month + r.int(0, 27) * DAY_MS, r.int(10, 20), r.int(0, 59)), survey: 'nps', customer: c.externalId })
  }
  for (const o of ctx.orders) {
    const at = Date.parse(o.occurredAt)
    if (r.chance(0.03)) candidates.push({ at: shanghaiTime(at + 2 * DAY_MS, 19, r.int(0, 59)), survey: 'csat', customer: o.customerExternalId })
    else if ((o.channel === 'store' || o.channel === 'app') && r.chance(0.015)) candidates.push({ at: shanghaiTime(at + DAY_MS, 11, r.int(0, 59)), survey: 'ces', customer: o.customerExternalId })
  }
  candidates.sort((a, b) => a.at - b.at)
  const lastAsked = new Map<string, number>()
  const steps: PlannedStep[] = []
  let n = 0
  for (const inv of candidates) {
    if (inv.at >= ctx.end || (lastAsked.get(inv.customer) ?? -Infinity) > inv.at - QUIET_DAYS * DAY_MS) continue
    lastAsked.set(inv.customer, inv.at)
    const ref = `survey-${++n}`
    const locale = ctx.locale(inv.customer)
    steps.push({ kind: 'survey.invite', at: iso(inv.at), ref, survey: inv.survey, customer: inv.customer, locale })
    const answered = r.chance(0.52)
    const later = inv.at + r.int(1, 60) * HOUR_MS
    if (answered) steps.push({ kind: 'survey.complete', at: iso(later), ref, answers: answersFor(ctx, inv, locale) })
    else if (r.chance(0.3)) steps.push({ kind: 'survey.open', at: iso(later), ref })
  }
  return steps
}

/** How the customer feels at `at`: -1 (unhappy) to 1 (delighted). */
function mood(ctx: PlanContext, customer: string, at: number): number {
  const story = ctx.stories.get(customer)
  const progress = (at - ctx.start) / (ctx.end - ctx.start)
  const leaving = story?.churnedAt && Date.parse(story.churnedAt) - at < 120 * DAY_MS && Date.parse(story.churnedAt) > at
  const busySeason = [10, 11].includes(new Date(at).getUTCMonth())
  return -0.15 + 0.35 * progress + (story && story.appetite > 1.2 ? 0.25 : 0) + (story?.trajectory === 'rising' ? 0.15 : story?.trajectory === 'falling' ? -0.2 : 0) - (leaving ? 0.45 : 0) - (busySeason ? 0.1 : 0)
}

function answersFor(ctx: PlanContext, inv: Invitation, locale: 'zh-CN' | 'en'): Record<string, unknown> {
  const { r } = ctx
  const m = mood(ctx, inv.customer, inv.at) + (r.next() - 0.5) * 1.2
  const say = r.chance(0.7)
  if (inv.survey === 'nps') {
    const band = m > 0.25 ? 'promoter' : m > -0.2 ? 'passive' : 'detractor'
    const nps = band === 'promoter' ? r.int(9, 10) : band === 'passive' ? r.int(7, 8) : r.weighted([[0, 2], [1, 2], [2, 3], [3, 4], [4, 6], [5, 9], [6, 12]] as const)
    return { nps, ...(say ? { reason: r.pick(NPS_REASONS[band])[locale] } : {}) }
  }
  if (inv.survey === 'csat') {
    const csat = clamp(Math.round(3.9 + m * 1.6), 1, 5)
    const band = csat <= 2 ? 'low' : csat === 3 ? 'mid' : 'high'
    const liked = csat >= 3 ? pickSome(r, ['quality', 'price', 'delivery', 'service']) : []
    return { csat, ...(liked.length ? { liked } : {}), ...(say ? { comment: r.pick(CSAT_COMMENTS[band])[locale] } : {}) }
  }
  const ces = clamp(Math.round(5.2 + m * 2), 1, 7)
  const band = ces <= 3 ? 'hard' : ces <= 5 ? 'neutral' : 'easy'
  return { ces, ...(say ? { comment: r.pick(CES_COMMENTS[band])[locale] } : {}) }
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v))

function pickSome(r: Random, items: readonly string[]): string[] {
  const chosen = items.filter(() => r.chance(0.4))
  return chosen.length ? chosen : [r.pick(items)]
}

/** `k` distinct items, in a deterministic order. */
function sample<T>(r: Random, items: readonly T[], k: number): T[] {
  const copy = [...items]
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(r.next() * (copy.length - i))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy.slice(0, k)
}

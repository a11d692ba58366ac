/**
 * @module
 * Complaint cases through their whole workflow: filed by an agent a few days after an order,
 * assigned, answered within the SLA's first-response target, close to it (warning) or after it
 * (breached), sometimes waiting on the customer or a carrier, resolved (with goodwill points now
 * and then), visited again (回访), asked for CSAT, reopened now and then, and closed. Cases of the
 * last weeks stop wherever the history ends, and a few recent ones are pinned in each open state so
 * every state shows on the first start. Staff work Shanghai weekdays from 09:00, as the default SLA
 * calendar does.
 */
import type { PlanContext } from './demo-plan-context.js'
import type { DemoStaff, PlannedStep } from './demo-steps.js'
import { COMPLAINT_CSAT_COMMENTS, COMPLAINT_DESCRIPTIONS, FIRST_REPLIES, FOLLOW_UP_NOTES, INTERNAL_NOTES, RESOLUTIONS } from './demo-texts.js'
import { addWeekdays, DAY_MS, HOUR_MS, iso, MINUTE_MS, onWeekday, shanghaiTime } from './demo-time.js'

type Shape = { sla: 'ok' | 'warning' | 'breached'; wait: 'none' | 'customer' | 'third'; reopen: boolean; slowResolution: boolean; close: boolean }
type Pinned = 'new' | 'open' | 'pending_customer' | 'pending_third_party' | 'resolved' | 'reopened'

const CATEGORY_WEIGHTS = [['product.quality', 22], ['product.wrong-item', 10], ['service.staff', 10], ['service.waiting', 8], ['delivery.late', 20], ['delivery.damaged', 12], ['billing', 10], ['other', 8]] as const

/** @example const steps = planComplaints(ctx) */
export function planComplaints(ctx: PlanContext): PlannedStep[] {
  const { r } = ctx
  const steps: PlannedStep[] = []
  let n = 0
  for (const o of ctx.orders) {
    const busy = [10, 11].includes(new Date(o.occurredAt).getUTCMonth())
    if (!r.chance(busy ? 0.014 : 0.008)) continue
    const filedAt = shanghaiTime(onWeekday(Date.parse(o.occurredAt) + r.int(1, 8) * DAY_MS), 9, r.int(0, 90))
    const category = busy && r.chance(0.5) ? 'delivery.late' : r.weighted(CATEGORY_WEIGHTS)
    const shape: Shape = {
      sla: r.weighted([['ok', 65], ['warning', 15], ['breached', 20]] as const),
      wait: category.startsWith('delivery') && r.chance(0.5) ? 'third' : r.chance(0.12) ? 'customer' : 'none',
      reopen: r.chance(0.08), slowResolution: r.chance(0.15), close: r.chance(0.85),
    }
    steps.push(...planCase(ctx, `case-${++n}`, o.customerExternalId, o.orderId, category, filedAt, shape))
  }
  steps.push(...pinRecentCases(ctx))
  return steps.filter((s) => Date.parse(s.at) < ctx.end)
}

function planCase(ctx: PlanContext, ref: string, customer: string, orderRef: string | undefined, category: string, filedAt: number, shape: Shape): PlannedStep[] {
  const { r } = ctx
  const locale = ctx.locale(customer)
  const agent: DemoStaff = r.chance(0.5) ? 'agent1' : 'agent2'
  const priority = shape.sla === 'warning' ? 'urgent' : r.weighted([['low', 10], ['normal', 70], ['high', 20]] as const)
  const steps: PlannedStep[] = [
    { kind: 'case.file', at: iso(filedAt), ref, by: agent, customer, category, priority, channel: r.weighted([['phone', 30], ['wechat', 30], ['email', 15], ['store', 15], ['web', 10]] as const), description: r.pick(COMPLAINT_DESCRIPTIONS[category]!)[locale], ...(orderRef ? { orderRef } : {}) },
    { kind: 'case.assign', at: iso(filedAt + 2 * MINUTE_MS), ref, by: agent, to: agent },
  ]
  // First reply: well inside every default target (urgent 30, vip 60, standard 240 minutes), within
  // the urgent target's last fifth (warning), or the next working morning (breached).
  const replyAt = shape.sla === 'ok' ? filedAt + r.int(5, 20) * MINUTE_MS : shape.sla === 'warning' ? filedAt + r.int(25, 29) * MINUTE_MS : shanghaiTime(addWeekdays(filedAt, 1), 10, r.int(0, 59))
  steps.push({ kind: 'case.move', at: iso(replyAt - MINUTE_MS), ref, by: agent, to: 'open' })
  steps.push({ kind: 'case.message', at: iso(replyAt), ref, by: agent, body: r.pick(FIRST_REPLIES)[locale], visibility: 'customer' })
  let at = replyAt
  if (shape.wait !== 'none') {
    at += 2 * HOUR_MS
    steps.push({ kind: 'case.message', at: iso(at - MINUTE_MS), ref, by: agent, body: r.pick(INTERNAL_NOTES), visibility: 'internal' })
    steps.push({ kind: 'case.move', at: iso(at), ref, by: agent, to: shape.wait === 'third' ? 'pending_third_party' : 'pending_customer' })
    at = shanghaiTime(addWeekdays(at, r.int(1, 3)), 11, r.int(0, 59))
    steps.push({ kind: 'case.move', at: iso(at), ref, by: agent, to: 'open' })
  }
  const resolveAt = shanghaiTime(shape.slowResolution ? at + r.int(8, 12) * DAY_MS : addWeekdays(at, r.int(1, 3)), r.int(14, 17), r.int(0, 59))
  steps.push(resolve(ctx, ref, agent, category, resolveAt))
  let resolvedAt = resolveAt
  if (shape.reopen) {
    const reopenAt = resolvedAt + r.int(1, 2) * DAY_MS + r.int(0, 3) * HOUR_MS
    steps.push({ kind: 'case.move', at: iso(reopenAt), ref, by: agent, to: 'open', reason: locale === 'en' ? 'The customer says the problem is back.' : '客户反馈问题再次出现。' })
    resolvedAt = shanghaiTime(addWeekdays(reopenAt, r.int(1, 3)), 16, r.int(0, 59))
    steps.push(resolve(ctx, ref, agent, category, resolvedAt))
  }
  steps.push(...visitAndAsk(ctx, ref, agent, customer, resolvedAt, shape))
  if (shape.close) steps.push({ kind: 'case.move', at: iso(resolvedAt + r.int(7, 10) * DAY_MS), ref, by: agent, to: 'closed' })
  return steps
}

function resolve(ctx: PlanContext, ref: string, by: DemoStaff, category: string, at: number): PlannedStep {
  const { r } = ctx
  const resolution = category === 'billing' ? RESOLUTIONS[0] : category.startsWith('delivery') || category.startsWith('product') ? r.pick([RESOLUTIONS[0], RESOLUTIONS[1], RESOLUTIONS[2]]) : r.pick([RESOLUTIONS[2], RESOLUTIONS[3]])
  return { kind: 'case.move', at: iso(at), ref, by, to: 'resolved', resolutionCode: resolution.code, summary: resolution.summary['zh-CN'], ...(resolution.code === 'compensation' ? { goodwillPoints: r.int(2, 8) * 100 } : {}) }
}

/** The CSAT invitation soon after resolving and the follow-up visit (回访) when it is due (3 days). */
function visitAndAsk(ctx: PlanContext, ref: string, by: DemoStaff, customer: string, resolvedAt: number, shape: Shape): PlannedStep[] {
  const { r } = ctx
  const locale = ctx.locale(customer)
  const steps: PlannedStep[] = []
  const survey = `${ref}-csat`
  steps.push({ kind: 'survey.invite', at: iso(resolvedAt + 30 * MINUTE_MS), ref: survey, survey: 'complaint', customer, locale, caseRef: ref, ignoreQuietPeriod: true })
  if (r.chance(0.55)) {
    const happy = shape.sla === 'ok' && !shape.reopen ? r.chance(0.8) : r.chance(0.35)
    const csat = happy ? r.int(4, 5) : r.int(1, 3)
    steps.push({ kind: 'survey.complete', at: iso(resolvedAt + r.int(4, 30) * HOUR_MS), ref: survey, answers: { csat, resolved: happy || r.chance(0.5), comment: r.pick(COMPLAINT_CSAT_COMMENTS[happy ? 'high' : 'low'])[locale] } })
  }
  const reached = r.chance(0.85)
  const satisfied = reached ? r.chance(shape.sla === 'breached' ? 0.6 : 0.85) : undefined
  const notes = r.pick(FOLLOW_UP_NOTES[!reached ? 'unreached' : satisfied ? 'satisfied' : 'unsatisfied'])
  steps.push({ kind: 'case.follow-up', at: iso(shanghaiTime(resolvedAt + (3 + r.int(0, 1)) * DAY_MS, 15, r.int(0, 59))), ref, by, reached, ...(satisfied === undefined ? {} : { satisfied }), notes })
  return steps
}

/** A few cases of the last weeks, each stopped in one of the open states (and one reopened). */
function pinRecentCases(ctx: PlanContext): PlannedStep[] {
  const { r, end } = ctx
  const recent = ctx.orders.filter((o) => Date.parse(o.occurredAt) > end - 60 * DAY_MS)
  const pinned: Pinned[] = ['new', 'new', 'open', 'pending_customer', 'pending_third_party', 'resolved', 'reopened']
  const steps: PlannedStep[] = []
  pinned.forEach((state, i) => {
    const o = recent[Math.floor((i + 0.5) * recent.length / pinned.length)]
    if (!o) return
    const ref = `recent-${i + 1}`
    const category = state === 'pending_third_party' ? 'delivery.late' : r.weighted(CATEGORY_WEIGHTS)
    const plan = planCase(ctx, ref, o.customerExternalId, o.orderId, category, 0, { sla: 'ok', wait: 'none', reopen: false, slowResolution: false, close: false })
    const file = plan[0]!
    const days = { new: 0, open: 2, pending_customer: 5, pending_third_party: 5, resolved: 9, reopened: 16 }[state]
    const filedAt = state === 'new' ? end - r.int(2, 6) * HOUR_MS : end - days * DAY_MS - 20 * HOUR_MS
    steps.push({ ...file, at: iso(filedAt) })
    if (state === 'new') return
    const agent = (file as { by: DemoStaff }).by
    steps.push({ kind: 'case.assign', at: iso(filedAt + 2 * MINUTE_MS), ref, by: agent, to: agent })
    steps.push({ kind: 'case.move', at: iso(filedAt + 10 * MINUTE_MS), ref, by: agent, to: 'open' })
    steps.push({ kind: 'case.message', at: iso(filedAt + 11 * MINUTE_MS), ref, by: agent, body: r.pick(FIRST_REPLIES)[ctx.locale(o.customerExternalId)], visibility: 'customer' })
    if (state === 'pending_customer' || state === 'pending_third_party') steps.push({ kind: 'case.move', at: iso(end - 2 * DAY_MS), ref, by: agent, to: state })
    if (state === 'resolved' || state === 'reopened') steps.push(resolve(ctx, ref, agent, category, end - (state === 'resolved' ? 3 : 10) * DAY_MS))
    if (state === 'reopened') steps.push({ kind: 'case.move', at: iso(end - 4 * DAY_MS), ref, by: agent, to: 'open', reason: '客户反馈问题再次出现。' })
  })
  return steps
}

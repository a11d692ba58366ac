/**
 * @module
 * Visit plans beyond complaints. A daily job gives each customer of a segment plan's segment one
 * visit per period, due from the period's first day; an in-transaction subscriber of
 * `order.completed` gives a new customer one visit `afterDays` after their first order (the first
 * the plugin sees; a plan makes it once per customer). Both compute with the run's or the event's
 * own time. A plan's owner who is no longer an active user leaves its visits unowned.
 */
import type { JobRun, PluginContext, Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { newId } from '../cases/case-store.js'
import type { ComplaintsConfig } from '../config.js'
import { scheduleFollowUp } from './follow-up-store.js'
import { planPeriod } from './plan-period.js'
import type { VisitPlan } from './visit-config.js'

const DAY_MS = 86_400_000

async function activeOwner(ctx: PluginContext<ComplaintsConfig>, plan: VisitPlan, tx?: Queryable): Promise<string | null> {
  if (!plan.ownerId) return null
  const user = await ctx.users.find(plan.ownerId, tx)
  return user && !user.disabled ? user.id : null
}

/** @example ctx.schedule('plan-visits', '0 1 * * *', planVisitsJob(ctx)) */
export const planVisitsJob = (ctx: PluginContext<ComplaintsConfig>) =>
  async function planVisits(run: JobRun): Promise<void> {
    const now = ctx.now()
    let made = 0
    for (const plan of ctx.config.visits.plans) {
      if (plan.kind !== 'segment') continue
      const period = planPeriod(now, ctx.timeZone, plan.everyMonths)
      const ownerId = await activeOwner(ctx, plan)
      for await (const ids of ctx.segments.members(plan.segmentId)) {
        if (run.signal.aborted) return
        await ctx.db.tx(async (tx) => {
          for (const customerId of ids) {
            const visit = { id: newId('fu'), caseId: null, customerId, dueAt: period.startsAt, createdAt: now.toISOString(), ownerId, planId: plan.id, periodKey: period.key }
            if (await scheduleFollowUp(tx, visit)) made += 1
          }
        })
      }
    }
    await run.progress(made)
  }

/** @example ctx.on('order.completed', firstOrderVisits(ctx), { id: 'first-order-visits', phase: 'inTransaction' }) */
export const firstOrderVisits = (ctx: PluginContext<ComplaintsConfig>) =>
  async function firstOrderVisit(event: RapportEvent, { tx }: SubscriberContext): Promise<void> {
    if (event.customerId === null) return
    for (const plan of ctx.config.visits.plans) {
      if (plan.kind !== 'firstOrder') continue
      const dueAt = new Date(Date.parse(event.occurredAt) + plan.afterDays * DAY_MS).toISOString()
      const visit = { id: newId('fu'), caseId: null, customerId: event.customerId, dueAt, createdAt: event.occurredAt, ownerId: await activeOwner(ctx, plan, tx), planId: plan.id, periodKey: 'first-order' }
      await scheduleFollowUp(tx, visit)
    }
  }

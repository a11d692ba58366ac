/**
 * @module
 * The win-back action: a points offer through points-membership's `points.credit` extension
 * point, once per customer per period (the period's key also makes the credit itself idempotent),
 * told to the customer through core's delivery service. Without points-membership it does nothing
 * and says so.
 */
import type { PluginContext, Queryable } from '@rapport/plugin-sdk'
import type { ChurnConfig } from '../config.js'
import { dateOfDay, dayNumber } from '@rapport/plugin-sdk'

/** What an offer came to. */
export type WinBackOutcome =
  | { status: 'offered'; period: string; points: number; entryId: string }
  | { status: 'alreadyOffered'; period: string; points: number; entryId: string }
  | { status: 'unavailable'; period: string; reason: string }

const FIND = 'SELECT points, entry_id FROM churn_risk_win_backs WHERE customer_id = ? AND period = ?'
/** How old an offer may be and still be told to the customer. */
const NEWS_MS = 86_400_000
const RECORD = 'INSERT INTO churn_risk_win_backs (customer_id, period, points, entry_id, offered_at, offered_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id, period) DO NOTHING'

/**
 * First business day of the period `at` falls in: periods of `periodDays` of the business's
 * calendar days (`timeZone`) counted from 1970-01-01. @example periodOf(new Date('2026-03-10'), 90, 'Asia/Shanghai')
 */
export const periodOf = (at: Date, periodDays: number, timeZone = 'UTC'): string =>
  dateOfDay(Math.floor(dayNumber(at, timeZone) / periodDays) * periodDays)

/**
 * @param offeredBy - `auto` or the staff user's id
 * @param at - when it is offered: the scoring event's or job's time for an automatic offer, the request's for staff
 * @example await ctx.db.tx((tx) => offerWinBack(ctx, tx, customerId, caller.userId, ctx.now()))
 */
export async function offerWinBack(ctx: PluginContext<ChurnConfig>, tx: Queryable, customerId: string, offeredBy: string, at: Date): Promise<WinBackOutcome> {
  const period = periodOf(at, ctx.config.periodDays, ctx.timeZone)
  const seen = await tx.get<{ points: number; entry_id: string }>(FIND, [customerId, period])
  if (seen) return { status: 'alreadyOffered', period, points: Number(seen.points), entryId: seen.entry_id }
  const credit = ctx.use('points.credit')
  if (!credit) return { status: 'unavailable', period, reason: 'points-membership is not enabled' }
  const result = await credit({ customerId, points: ctx.config.winBack.points, key: `churn-win-back:${customerId}:${period}`, reason: 'win-back offer', source: 'churn-risk', tx })
  if (!result.credited) return { status: 'unavailable', period, reason: result.reason }
  await tx.run(RECORD, [customerId, period, result.points, result.entryId, at.toISOString(), offeredBy])
  await ctx.emit('churn.winback.offered', customerId, { period, points: result.points, entryId: result.entryId }, { key: `${customerId}:${period}`, occurredAt: at.toISOString(), tx })
  // The customer hears of the offer, unless it belongs to history replayed now (an import, a
  // rebuild): an offer of long ago is not news. Same key as the offer: one message per period.
  if (ctx.now().getTime() - at.getTime() < NEWS_MS) {
    await ctx.deliver({ to: { customerId }, template: 'churn.win-back', data: { points: result.points }, key: `win-back:${customerId}:${period}`, tx })
  }
  return { status: 'offered', period, points: result.points, entryId: result.entryId }
}

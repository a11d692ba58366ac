/**
 * @module
 * The daily birthday bonus: active members whose birthday is on the business day the run is for
 * (the day of its as-of time in `ctx.timeZone`, the business's calendar), or in that month when
 * `birthdayBonus.when` is `month`, get `birthdayBonus.points` and, when `birthdayBonus.rewardId`
 * names an active reward, one voucher of it (a birthday coupon, no points spent), once a year.
 * The birthday is the customer's own record in core (`ctx.customers.bornOn`); an `MM-DD` given at
 * enrolment (or by an admin) on the member counts as well, for customers whose record has none.
 * A 29 February birthday is celebrated on 28 February in other years. Keys per customer and year
 * (the business year of the day, not of the run's UTC time) make a second run, or the next day's
 * in month mode, a no-op. Everything is computed from one as-of time, the run's (`ctx.now()`), so
 * a run as of T (a replay) does what a run at T would.
 */
import { dateOfDay, dayNumber, type JobRun, type PluginContext, type Queryable } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { earnPoints } from '../ledger/earn-points.js'
import { addDays } from '../ledger/ledger-deps.js'
import { findReward } from '../rewards/reward-store.js'
import { issueVoucher } from '../rewards/voucher-store.js'
import { birthdayGreeting } from '../channels/member-messages.js'

// Members whose own recorded birthday matches (the fallback).
const BY_MEMBER_RECORD = "SELECT customer_id FROM points_members WHERE status = 'active' AND birthday IS NOT NULL AND substr(birthday, 1, ?) = ?"
const IS_ACTIVE = "SELECT 1 AS ok FROM points_members WHERE customer_id = ? AND status = 'active'"
const COUPON_ISSUED = 'SELECT 1 AS ok FROM points_vouchers WHERE entry_id = ?'

/** The ledger key of a year's birthday bonus (also the birthday coupon's source). @example birthdayKey('c1', 2026) // 'birthday:c1:2026' */
export const birthdayKey = (customerId: string, year: number): string => `birthday:${customerId}:${year}`

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** The `MM-DD` or `MM` patterns a business date matches (28 February also matches 29 February in common years). */
export function birthdayMatches(date: string, when: 'day' | 'month'): string[] {
  const monthDay = date.slice(5, 10)
  if (when === 'month') return [monthDay.slice(0, 2)]
  return monthDay === '02-28' && !isLeap(Number(date.slice(0, 4))) ? ['02-28', '02-29'] : [monthDay]
}

/** @example ctx.schedule('birthday-bonus', '40 0 * * *', birthdayBonus(ctx)) */
export const birthdayBonus = (ctx: PluginContext<PointsConfig>) =>
  async function birthdayBonusJob(job: JobRun): Promise<void> {
    const { points, when, rewardId } = ctx.config.birthdayBonus
    if (points === 0 && !rewardId) return
    // One as-of time for the whole run (the slot it runs for); the day and the year are the business's.
    const at = ctx.now().toISOString()
    const date = dateOfDay(dayNumber(at, ctx.timeZone))
    const year = Number(date.slice(0, 4))
    const due = new Set<string>()
    for (const match of birthdayMatches(date, when)) {
      for (const customerId of await ctx.customers.bornOn(match)) due.add(customerId)
      for (const r of await ctx.db.all<{ customer_id: string }>(BY_MEMBER_RECORD, [match.length, match])) due.add(r.customer_id)
    }
    const ids = [...due].sort()
    let done = 0
    for (const customerId of ids) {
      if (job.signal.aborted) return
      await ctx.db.tx(async (tx) => {
        if (!(await tx.get(IS_ACTIVE, [customerId]))) return
        const key = birthdayKey(customerId, year)
        if (points > 0) {
          await earnPoints(tx, ctx, { customerId, points, key, orderId: null, occurredAt: at, availableAt: at, details: { bonusFor: 'birthday', year } })
        }
        if (rewardId) await birthdayCoupon(tx, ctx, { customerId, rewardId, key, at })
        // The greeting shares the year's key: a second run (or the next day's, in month mode) sends nothing new.
        await birthdayGreeting(ctx, tx, { customerId, key, points, at })
      })
      done += 1
      if (done % 100 === 0) await job.progress(done, ids.length)
    }
    await job.progress(done, ids.length)
  }

/** Issues one voucher of the reward, once per key (the voucher's source is the birthday key); nothing when the reward is gone or inactive. */
async function birthdayCoupon(tx: Queryable, ctx: PluginContext<PointsConfig>, o: { customerId: string; rewardId: string; key: string; at: string }): Promise<void> {
  if (await tx.get(COUPON_ISSUED, [o.key])) return
  const reward = await findReward(tx, o.rewardId)
  if (!reward?.active) {
    ctx.log.warn({ rewardId: o.rewardId }, 'birthday coupon: the reward is missing or inactive')
    return
  }
  await issueVoucher(tx, { customerId: o.customerId, rewardId: reward.id, entryId: o.key, issuedAt: o.at, expiresAt: addDays(o.at, reward.voucherValidDays) })
}

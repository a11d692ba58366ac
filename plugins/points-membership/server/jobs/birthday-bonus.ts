/**
 * @module
 * The daily birthday bonus: active members whose birthday (`MM-DD`, UTC) is today, or in this
 * month when `birthdayBonus.when` is `month`, get `birthdayBonus.points` once a year. The birthday
 * is the customer's own record in core (`ctx.customers.bornOn`); an `MM-DD` given at enrolment
 * (or by an admin) on the member counts as well, for customers whose record has none. The ledger key
 * `birthday:<customerId>:<year>` makes a second run (or the next day's, in month mode) a no-op,
 * and the SQL skips members already credited this year. Everything is computed from one as-of
 * time, the run's (`ctx.now()`), so a run as of T does what a run at T would.
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { earnPoints } from '../ledger/earn-points.js'

// Members whose own recorded birthday matches (the fallback), and who were not credited this year.
const BY_MEMBER_RECORD = `SELECT customer_id FROM points_members
  WHERE status = 'active' AND birthday IS NOT NULL AND substr(birthday, 1, ?) = ?
    AND NOT EXISTS (SELECT 1 FROM points_ledger e WHERE e.idempotency_key = ? || points_members.customer_id || ?)`
// Active members among the customers core says were born then, not credited this year.
const ACTIVE_UNCREDITED = `SELECT customer_id FROM points_members WHERE customer_id = ? AND status = 'active'
    AND NOT EXISTS (SELECT 1 FROM points_ledger e WHERE e.idempotency_key = ?)`

/** The ledger key of a year's birthday bonus. @example birthdayKey('c1', 2026) // 'birthday:c1:2026' */
export const birthdayKey = (customerId: string, year: number): string => `birthday:${customerId}:${year}`

/** @example ctx.schedule('birthday-bonus', '40 0 * * *', birthdayBonus(ctx)) */
export const birthdayBonus = (ctx: PluginContext<PointsConfig>) =>
  async function birthdayBonusJob(job: JobRun): Promise<void> {
    const { points, when } = ctx.config.birthdayBonus
    if (points === 0) return
    // One as-of time for the whole run (the slot it runs for): the day, the year and the credits' date.
    const now = ctx.now()
    const at = now.toISOString()
    const year = now.getUTCFullYear()
    const monthDay = at.slice(5, 10)
    const match = when === 'day' ? monthDay : monthDay.slice(0, 2)
    const due = new Set<string>()
    for (const customerId of await ctx.customers.bornOn(match)) {
      if (await ctx.db.get(ACTIVE_UNCREDITED, [customerId, birthdayKey(customerId, year)])) due.add(customerId)
    }
    // Once a year either way: the key is per customer and year, whichever record matched first.
    for (const { customer_id: customerId } of await ctx.db.all<{ customer_id: string }>(BY_MEMBER_RECORD, [match.length, match, 'birthday:', `:${year}`])) due.add(customerId)
    let done = 0
    const ids = [...due].sort()
    for (const customerId of ids) {
      if (job.signal.aborted) return
      await ctx.db.tx((tx) => earnPoints(tx, ctx, {
        customerId, points, key: birthdayKey(customerId, year), orderId: null, occurredAt: at, availableAt: at, details: { bonusFor: 'birthday', year },
      }))
      done += 1
      if (done % 100 === 0) await job.progress(done, ids.length)
    }
    await job.progress(done, ids.length)
  }

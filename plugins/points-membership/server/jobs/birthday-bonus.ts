/**
 * @module
 * The daily birthday bonus: active members whose birthday (`MM-DD`, UTC) is today, or in this
 * month when `birthdayBonus.when` is `month`, get `birthdayBonus.points` once a year. The ledger
 * key `birthday:<customerId>:<year>` makes a second run (or the next day's, in month mode) a no-op,
 * and the SQL skips members already credited this year.
 */
import type { JobRun, PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { earnPoints } from '../ledger/earn-points.js'

const DUE = `SELECT customer_id FROM points_members
  WHERE status = 'active' AND birthday IS NOT NULL AND substr(birthday, 1, ?) = ?
    AND NOT EXISTS (SELECT 1 FROM points_ledger e WHERE e.idempotency_key = ? || points_members.customer_id || ?)
  ORDER BY customer_id`

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
    const monthDay = now.toISOString().slice(5, 10)
    const match = when === 'day' ? monthDay : monthDay.slice(0, 2)
    const due = await ctx.db.all<{ customer_id: string }>(DUE, [match.length, match, 'birthday:', `:${year}`])
    let done = 0
    for (const { customer_id: customerId } of due) {
      if (job.signal.aborted) return
      await ctx.db.tx((tx) => earnPoints(tx, ctx, {
        customerId, points, key: birthdayKey(customerId, year), orderId: null, occurredAt: at, availableAt: at, details: { bonusFor: 'birthday', year },
      }))
      done += 1
      if (done % 100 === 0) await job.progress(done, due.length)
    }
    await job.progress(done, due.length)
  }

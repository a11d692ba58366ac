/**
 * @module
 * Goodwill credits from other plugins (complaint-tracking compensating a customer): through the
 * `complaint.goodwill.granted` event, or the `points.credit` extension point. One credit per
 * source key (a complaint case): the first grant wins and repeats change nothing. The customer
 * is enrolled when `autoEnrol` is on; the credit is an adjustment with its reason and source
 * (audited like an admin's), available at once, capped by `maxGoodwillPoints`, dated at the
 * grant's event time.
 */
import type { PluginContext, Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { adjustPoints } from '../ledger/adjust-points.js'
import { enrol } from '../ledger/enrol.js'
import { findEntry } from '../ledger/entry-store.js'
import type { LedgerDeps } from '../ledger/ledger-deps.js'
import { lockMember } from '../ledger/member-store.js'
import type { PointsCredit, PointsCreditResult } from '../extension-points.js'

/**
 * @returns the entry and balance, or `{ credited: false }` when nothing was credited (not a member, inactive, 0 points)
 * @example await grantGoodwill(tx, ctx, { customerId, points: 200, key: 'complaint:case_1', reason: 'late delivery', source: 'complaint-tracking' })
 */
export async function grantGoodwill(tx: Queryable, deps: LedgerDeps, input: Parameters<PointsCredit>[0] & { at?: string }): Promise<PointsCreditResult> {
  const points = Math.min(Math.floor(input.points), deps.config.maxGoodwillPoints)
  if (!(points > 0)) return { credited: false, reason: 'no points' }
  let member = await lockMember(tx, deps, input.customerId)
  const at = input.at ?? deps.now().toISOString()
  if (!member && deps.config.autoEnrol) member = (await enrol(tx, deps, input.customerId, { at })).member
  if (!member) return { credited: false, reason: 'not a member' }
  if (member.status !== 'active') return { credited: false, reason: `member is ${member.status}` }
  const key = `goodwill:${input.key}`
  const seen = await findEntry(tx, `adjust:${input.customerId}:${key}`)
  if (seen) return { credited: true, repeated: true, entryId: seen.entryId, points: seen.delta, balance: seen.balanceAfter }
  const { entry } = await adjustPoints(tx, deps, { customerId: input.customerId, points, reason: `goodwill: ${input.reason}`, key, actor: `plugin:${input.source}`, at })
  return { credited: true, repeated: false, entryId: entry.entryId, points, balance: entry.balanceAfter }
}

type GoodwillPayload = { caseId?: unknown; amount?: unknown; points?: unknown; reason?: unknown }

/** @example ctx.on('complaint.goodwill.granted', goodwillOnComplaint(ctx), { id: 'goodwill', phase: 'inTransaction' }) */
export const goodwillOnComplaint = (ctx: PluginContext<PointsConfig>) =>
  async function goodwillOnComplaintEvent(event: RapportEvent, { tx }: SubscriberContext): Promise<void> {
    const payload = event.payload as GoodwillPayload
    const customerId = event.customerId ?? (typeof (payload as { customerId?: unknown }).customerId === 'string' ? (payload as { customerId: string }).customerId : null)
    const points = Number(payload.points ?? payload.amount)
    // A malformed grant must not fail the complaint's transaction: it is logged (no personal data) and skipped.
    if (!customerId || typeof payload.caseId !== 'string' || !Number.isInteger(points) || points <= 0) {
      ctx.log.warn({ eventId: event.id }, 'complaint.goodwill.granted without a customer, a caseId or whole positive points: nothing credited')
      return
    }
    const reason = typeof payload.reason === 'string' && payload.reason.trim() ? payload.reason.trim().slice(0, 200) : `complaint case ${payload.caseId}`
    await grantGoodwill(tx, ctx, { customerId, points, key: `complaint:${payload.caseId}`, reason, source: 'complaint-tracking', at: event.occurredAt })
  }

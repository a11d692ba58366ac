/**
 * @module
 * A refund takes back the campaign points its order earned, as it takes back the order's own
 * points: in proportion to the refunded share (cumulative over partial refunds; a full refund takes
 * all), each campaign's share as its own revoke entry keyed per refund event and campaign. The
 * points taken back return to the campaign's budget: they were never kept, so an exhausted
 * campaign can credit them to a later order.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { LedgerDeps } from '../ledger/ledger-deps.js'
import { revokePoints } from '../ledger/revoke-points.js'

type Row = { idempotency_key: string; points: number | string }
// Campaign credits are the order's earn entries keyed campaign:<id>:<orderId> (credit-campaign.ts).
const CREDITS = "SELECT idempotency_key, points FROM points_ledger WHERE order_id = ? AND kind = 'earn' AND idempotency_key LIKE 'campaign:%' ORDER BY seq"
const REVOKES = "SELECT idempotency_key, points FROM points_ledger WHERE order_id = ? AND kind = 'revoke'"
const RETURN_BUDGET = 'UPDATE points_campaigns SET issued_points = CASE WHEN issued_points > ? THEN issued_points - ? ELSE 0 END WHERE id = ?'

/** The refund being applied: its order, the order's amount and the total refunded so far, including this refund. */
export type CampaignRefund = { customerId: string; orderId: string; amountMinor: number; refundedMinor: number; eventId: string; occurredAt: string }

/** @example await revokeCampaignCredits(tx, ctx, { customerId, orderId: 'o1', amountMinor: 10_000, refundedMinor: 5_000, eventId, occurredAt }) */
export async function revokeCampaignCredits(tx: Queryable, deps: LedgerDeps, refund: CampaignRefund): Promise<void> {
  const credits = await tx.all<Row>(CREDITS, [refund.orderId])
  if (credits.length === 0) return
  const revokes = await tx.all<Row>(REVOKES, [refund.orderId])
  for (const credit of credits) {
    const earned = Number(credit.points)
    const target = refund.amountMinor === 0 ? earned : Math.floor((earned * refund.refundedMinor) / refund.amountMinor)
    const suffix = `:${credit.idempotency_key}`
    const already = revokes.filter((r) => r.idempotency_key.endsWith(suffix)).reduce((n, r) => n + Number(r.points), 0)
    const points = Math.max(0, target - already)
    if (points === 0) continue
    const key = `revoke:${refund.eventId}${suffix}`
    const result = await revokePoints(tx, deps, { customerId: refund.customerId, orderId: refund.orderId, points, refundedMinor: refund.refundedMinor, key, occurredAt: refund.occurredAt })
    if (!result || result.repeated) continue
    const campaignId = credit.idempotency_key.split(':')[1]!
    await tx.run(RETURN_BUDGET, [points, points, campaignId])
  }
}

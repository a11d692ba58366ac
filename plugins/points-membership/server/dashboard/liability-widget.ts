/**
 * @module
 * The dashboard widget `liability`: the points the segment's members hold now and what they are
 * worth, and the points earned, spent and expired in the dashboard's range. Two aggregate queries.
 */
import type { DashboardWidget } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { addDays } from '../ledger/ledger-deps.js'

/** What the widget's admin component draws. */
export type LiabilityWidgetData = {
  members: number
  outstandingPoints: number
  debtPoints: number
  expiringPoints: number
  valueMinor: number
  currency: string
  earned: number
  spent: number
  expired: number
}

export const liabilityWidget: DashboardWidget<PointsConfig> = {
  title: { en: 'Points liability', 'zh-CN': '积分负债' },
  async load(ctx, scope): Promise<LiabilityWidgetData> {
    const now = ctx.now().toISOString()
    const members = scope.customersIn('m.customer_id')
    const held = await ctx.db.get<{ members: number; outstanding: number | null; debt: number | null; expiring: number | null }>(
      `SELECT COUNT(*) AS members, SUM(CASE WHEN m.balance > 0 THEN m.balance ELSE 0 END) AS outstanding, SUM(m.debt) AS debt,
         SUM(COALESCE((SELECT SUM(l.remaining) FROM points_lots l
           WHERE l.customer_id = m.customer_id AND l.remaining > 0 AND l.expires_at > ? AND l.expires_at <= ?), 0)) AS expiring
       FROM points_members m WHERE ${members.sql}`,
      [now, addDays(now, ctx.config.expiringSoonDays), ...members.params],
    )
    const entries = scope.customersIn('customer_id')
    const moved = await ctx.db.get<{ earned: number | null; spent: number | null; expired: number | null }>(
      `SELECT SUM(CASE WHEN delta > 0 THEN delta ELSE 0 END) AS earned,
         SUM(CASE WHEN kind = 'spend' THEN -delta ELSE 0 END) AS spent,
         SUM(CASE WHEN kind = 'expire' THEN -delta ELSE 0 END) AS expired
       FROM points_ledger WHERE occurred_at >= ? AND occurred_at < ? AND ${entries.sql}`,
      [scope.from, scope.to, ...entries.params],
    )
    const outstanding = Number(held?.outstanding ?? 0)
    return {
      members: Number(held?.members ?? 0),
      outstandingPoints: outstanding,
      debtPoints: Number(held?.debt ?? 0),
      expiringPoints: Number(held?.expiring ?? 0),
      valueMinor: Math.floor(outstanding * ctx.config.pointValueMinor),
      currency: ctx.config.currency,
      earned: Number(moved?.earned ?? 0),
      spent: Number(moved?.spent ?? 0),
      expired: Number(moved?.expired ?? 0),
    }
  },
}

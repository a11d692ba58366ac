/**
 * @module
 * Tiering's dashboard widget: customers per value tier (now) within the dashboard's segment, and
 * the upgrades and downgrades recorded in its date range. Both are GROUP BY queries.
 */
import type { DashboardWidget } from '@rapport/plugin-sdk'
import { TIERS, tierRank, type Tier } from '../../shared/vocabulary.js'
import type { TieringConfig } from '../config.js'

/** What the widget's admin component draws. */
export type TierWidgetData = {
  tiers: { key: Tier; label: { en: string; 'zh-CN': string }; count: number }[]
  upgrades: number
  downgrades: number
}

export const tierWidget: DashboardWidget<TieringConfig> = {
  title: { en: 'Value tiers', 'zh-CN': '价值等级' },
  async load(ctx, scope): Promise<TierWidgetData> {
    const customers = scope.customersIn('customer_id')
    const counts = await ctx.db.all<{ tier: string; n: number }>(
      `SELECT tier, COUNT(*) AS n FROM tiering_customers WHERE tier IS NOT NULL AND ${customers.sql} GROUP BY tier`,
      customers.params,
    )
    const moves = await ctx.db.all<{ from_tier: string | null; to_tier: string; n: number }>(
      `SELECT from_tier, to_tier, COUNT(*) AS n FROM tiering_history WHERE at >= ? AND at < ? AND ${customers.sql} GROUP BY from_tier, to_tier`,
      [scope.from, scope.to, ...customers.params],
    )
    // A first tier (from nothing) is neither an upgrade nor a downgrade.
    const known = moves.filter((m) => m.from_tier !== null && (TIERS as readonly string[]).includes(m.from_tier) && (TIERS as readonly string[]).includes(m.to_tier))
    const sum = (up: boolean) => known.filter((m) => (tierRank(m.to_tier as Tier) < tierRank(m.from_tier as Tier)) === up && m.to_tier !== m.from_tier).reduce((a, m) => a + Number(m.n), 0)
    return {
      tiers: TIERS.map((key) => ({ key, label: ctx.config.tiers.names[key], count: Number(counts.find((c) => c.tier === key)?.n ?? 0) })),
      upgrades: sum(true),
      downgrades: sum(false),
    }
  },
}

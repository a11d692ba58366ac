/**
 * @module
 * churn-risk's dashboard widget `atRisk`: customers per risk band within the dashboard's segment,
 * and the revenue at stake of the medium and high bands per currency. Two GROUP BY queries.
 */
import type { DashboardWidget } from '@rapport/plugin-sdk'
import type { AtRiskWidgetData } from '../../shared/schemas.js'
import type { ChurnConfig } from '../config.js'
import { BANDS } from '../model/churn-score.js'

export const atRiskWidget: DashboardWidget<ChurnConfig> = {
  title: { en: 'Churn risk', 'zh-CN': '流失风险' },
  async load(ctx, scope): Promise<AtRiskWidgetData> {
    const customers = scope.customersIn('customer_id')
    const counts = await ctx.db.all<{ band: string; n: number }>(`SELECT band, COUNT(*) AS n FROM churn_risk_scores WHERE ${customers.sql} GROUP BY band`, customers.params)
    const revenue = await ctx.db.all<{ currency: string | null; amount: number }>(
      `SELECT currency, SUM(revenue_at_stake_minor) AS amount FROM churn_risk_scores WHERE band IN ('medium', 'high') AND ${customers.sql} GROUP BY currency ORDER BY currency`,
      customers.params,
    )
    return {
      bands: BANDS.map((band) => ({ band, count: Number(counts.find((c) => c.band === band)?.n ?? 0) })),
      revenueAtStake: revenue.filter((r) => r.currency !== null).map((r) => ({ currency: r.currency!, amountMinor: Number(r.amount) })),
    }
  },
}

/**
 * @module
 * The dashboard widget `nps`: NPS with its margin of error, average CSAT and an NPS trend for the
 * dashboard's range and segment (day buckets, weeks past 62 days), all in SQL.
 */
import type { DashboardWidget } from '@rapport/plugin-sdk'
import { DateTime } from 'luxon'
import type { NpsWidgetData } from '../../shared/analytics-schemas.js'
import type { AnalyticsScope } from '../analytics/analytics-scope.js'
import { npsTrend } from '../analytics/nps-trend.js'
import type { SurveyConfig } from '../config.js'

/** Ranges longer than this many days trend by week. */
export const DAY_TREND_MAX_DAYS = 62

export const npsWidget: DashboardWidget<SurveyConfig> = {
  title: { en: 'NPS', 'zh-CN': '净推荐值 (NPS)' },
  async load(ctx, dashboard): Promise<NpsWidgetData> {
    const zone = dashboard.timeZone
    const first = DateTime.fromISO(dashboard.from, { zone })
    const last = DateTime.fromISO(dashboard.to, { zone }).minus({ days: 1 })
    const scope: AnalyticsScope = {
      firstDay: first.toISODate()!, lastDay: last.toISODate()!, timeZone: zone, fromAt: new Date(dashboard.from).toISOString(), toAt: new Date(dashboard.to).toISOString(),
      surveyId: undefined, version: undefined, channel: undefined,
    }
    const days = Math.round(last.diff(first, 'days').days) + 1
    const segment = dashboard.customersIn('r.customer_id')
    const { overall, trend } = await npsTrend(ctx.db, scope, days > DAY_TREND_MAX_DAYS ? 'week' : 'day', segment)
    const csat = await ctx.db.get<{ avg_csat: number | null }>(
      `SELECT AVG(r.csat) AS avg_csat FROM satisfaction_responses r WHERE r.completed_at >= ? AND r.completed_at < ? AND r.csat IS NOT NULL AND ${segment.sql}`,
      [scope.fromAt!, scope.toAt!, ...segment.params])
    const avg = csat?.avg_csat
    return {
      ...overall,
      avgCsat: avg === null || avg === undefined ? null : Math.round(Number(avg) * 100) / 100,
      trend: trend.map((t) => ({ period: t.period, nps: t.nps, responses: t.responses })),
    }
  },
}

/**
 * @module
 * The dashboard widget `open`: cases open now by priority, the SLA hit rate of targets that
 * stopped in the range plus those breached in it and still running (missed), and cases filed
 * versus resolved in the range, all for the dashboard's segment.
 */
import type { DashboardWidget } from '@rapport/plugin-sdk'
import { priorities } from '../../shared/vocabulary.js'
import { runningBreaches } from '../analytics/running-breaches.js'
import type { ComplaintsConfig } from '../config.js'

/** What the widget's admin component draws. */
export type OpenWidgetData = {
  openByPriority: { priority: string; count: number }[]
  slaHitRate: { total: number; met: number; rate: number | null }
  filed: number
  resolved: number
}

const OPEN = "status NOT IN ('resolved', 'closed')"

export const openWidget: DashboardWidget<ComplaintsConfig> = {
  title: { en: 'Open complaints', 'zh-CN': '未结投诉' },
  async load(ctx, scope): Promise<OpenWidgetData> {
    const c = scope.customersIn('customer_id')
    const open = await ctx.db.all<{ priority: string; n: number }>(
      `SELECT priority, COUNT(*) AS n FROM complaints_cases WHERE ${OPEN} AND ${c.sql} GROUP BY priority`, c.params,
    )
    const sla = await ctx.db.get<{ total: number; met: number | null }>(
      `SELECT COUNT(*) AS total, SUM(o.met) AS met FROM complaints_sla_outcomes o
       JOIN complaints_cases k ON k.id = o.case_id WHERE o.at >= ? AND o.at < ? AND ${scope.customersIn('k.customer_id').sql}`,
      [scope.from, scope.to, ...scope.customersIn('k.customer_id').params],
    )
    const flow = await ctx.db.get<{ filed: number | null; resolved: number | null }>(
      `SELECT SUM(CASE WHEN created_at >= ? AND created_at < ? THEN 1 ELSE 0 END) AS filed,
              SUM(CASE WHEN resolved_at >= ? AND resolved_at < ? THEN 1 ELSE 0 END) AS resolved
       FROM complaints_cases WHERE ((created_at >= ? AND created_at < ?) OR (resolved_at >= ? AND resolved_at < ?)) AND ${c.sql}`,
      [scope.from, scope.to, scope.from, scope.to, scope.from, scope.to, scope.from, scope.to, ...c.params],
    )
    const running = await runningBreaches(ctx.db, ctx.config.sla, scope.from, scope.to, ctx.now(), c)
    const total = Number(sla?.total ?? 0) + [...running.values()].reduce((n, v) => n + v, 0)
    const met = Number(sla?.met ?? 0)
    return {
      openByPriority: priorities.map((priority) => ({ priority, count: Number(open.find((o) => o.priority === priority)?.n ?? 0) })),
      slaHitRate: { total, met, rate: total === 0 ? null : met / total },
      filed: Number(flow?.filed ?? 0),
      resolved: Number(flow?.resolved ?? 0),
    }
  },
}

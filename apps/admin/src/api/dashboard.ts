/**
 * @module
 * The dashboard call: every enabled plugin's widgets for a range and a segment, in one request.
 */
import { apiRequest } from '@rapport/admin-kit'

/** One widget as the server answers it: its data, or the error that kept it from loading. */
export type DashboardWidgetResult = {
  plugin: string
  id: string
  title: { en: string; 'zh-CN': string }
  data?: unknown
  error?: { code: string; message: string }
  /** The same widget over the previous range of equal length (asked for with `compare`). */
  previous?: unknown
}

/** `GET /api/v1/dashboard`. */
export type Dashboard = { from: string; to: string; timeZone: string; filtered: boolean; previousRange?: { from: string; to: string }; widgets: DashboardWidgetResult[] }

/** What the dashboard is asked for: days in the business's time zone, profile filters and a saved segment. */
export type DashboardQuery = { from: string; to: string; filter: readonly string[]; segment?: string | undefined }

export const getDashboard = ({ from, to, filter, segment }: DashboardQuery, signal?: AbortSignal) =>
  apiRequest<Dashboard>('/api/v1/dashboard', { query: { from, to, filter, segment, compare: 'previous' }, signal })

/** One widget's place in a user's layout. */
export type WidgetPlacement = { plugin: string; id: string; hidden: boolean }

/** `GET /api/v1/dashboard/layout`: the signed-in user's widget order and hidden widgets. */
export type DashboardLayout = { widgets: WidgetPlacement[]; updatedAt: string | null }

export const dashboardLayoutQueryKey = ['dashboard', 'layout'] as const
export const getDashboardLayout = (signal?: AbortSignal) => apiRequest<DashboardLayout>('/api/v1/dashboard/layout', { signal })
export const saveDashboardLayout = (widgets: WidgetPlacement[]) => apiRequest<DashboardLayout>('/api/v1/dashboard/layout', { method: 'PUT', body: { widgets } })

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
}

/** `GET /api/v1/dashboard`. */
export type Dashboard = { from: string; to: string; timeZone: string; filtered: boolean; widgets: DashboardWidgetResult[] }

/** What the dashboard is asked for: days in the business's time zone, profile filters and a saved segment. */
export type DashboardQuery = { from: string; to: string; filter: readonly string[]; segment?: string | undefined }

export const getDashboard = ({ from, to, filter, segment }: DashboardQuery, signal?: AbortSignal) =>
  apiRequest<Dashboard>('/api/v1/dashboard', { query: { from, to, filter, segment }, signal })

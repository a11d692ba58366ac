/**
 * @module
 * The churn-risk calls the admin pages make (`/api/p/churn-risk/*`), typed by the shared schemas.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { AtRiskPage, AtRiskQuery } from '../shared/schemas'

export type WinBackResult = { status: 'offered' | 'alreadyOffered' | 'unavailable'; period: string; points?: number; entryId?: string; reason?: string }

export const getAtRisk = (query: AtRiskQuery, signal?: AbortSignal) => apiRequest<AtRiskPage>('/api/p/churn-risk/customers', { query, signal })

export const offerWinBack = (customerId: string) =>
  apiRequest<WinBackResult>(`/api/p/churn-risk/customers/${encodeURIComponent(customerId)}/win-back`, { method: 'POST' })

/**
 * @module
 * The calls complaint-tracking's admin pages make: cases and their actions under
 * `/api/p/complaint-tracking`, the plugin's config under `/api/v1/plugins/complaint-tracking`,
 * and the customer search for the new-case form. Types come from the server's shared schemas.
 */
import { apiRequest, type QueryParams } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type {
  analyticsSchema, bulkResultSchema, slaAnalyticsSchema, cannedReplySchema, caseDetailSchema, savedViewSchema, casePageSchema, caseSchema, followUpDetailSchema, followUpListSchema, followUpSchema, historySchema,
} from '../shared/schemas'
import type { ComplaintsConfig } from '../server/config'

export type { ComplaintsConfig }
export type Case = z.infer<typeof caseSchema>
export type CaseDetail = z.infer<typeof caseDetailSchema>
export type CasePage = z.infer<typeof casePageSchema>
export type HistoryEntry = z.infer<typeof historySchema>
export type FollowUp = z.infer<typeof followUpSchema>
export type FollowUpDetail = z.infer<typeof followUpDetailSchema>
export type Analytics = z.infer<typeof analyticsSchema>
export type CaseFilters = { status?: string; priority?: string; category?: string; channel?: string; assignee?: string; sla?: string; tag?: string; number?: string }

const base = '/api/p/complaint-tracking'

export const listCases = (filters: CaseFilters & { cursor?: string }, signal?: AbortSignal) =>
  apiRequest<CasePage>(`${base}/cases`, { query: { ...filters, limit: 50 } as QueryParams, signal })

export const getCase = (id: string, signal?: AbortSignal) => apiRequest<CaseDetail>(`${base}/cases/${encodeURIComponent(id)}`, { signal })

export type NewCase = { customerId: string; channel: string; category: string; priority: string; description: string; orderRef?: string }
export const createCase = (body: NewCase) => apiRequest<Case>(`${base}/cases`, { method: 'POST', body })

export const postMessage = (id: string, body: { body: string; visibility: 'customer' | 'internal' }) =>
  apiRequest(`${base}/cases/${encodeURIComponent(id)}/messages`, { method: 'POST', body })

export type Transition = { to: string; reason?: string; resolutionCode?: string; summary?: string; goodwillPoints?: number }
export const transition = (id: string, body: Transition) => apiRequest<CaseDetail>(`${base}/cases/${encodeURIComponent(id)}/transitions`, { method: 'POST', body })

export const assign = (id: string, assigneeId: string | null) =>
  apiRequest(`${base}/cases/${encodeURIComponent(id)}/assignment`, { method: 'POST', body: { assigneeId } })

export type FileUpload = { fileName: string; contentType: string; dataBase64: string }
export const uploadAttachments = (id: string, files: FileUpload[]) =>
  apiRequest(`${base}/cases/${encodeURIComponent(id)}/attachments`, { method: 'POST', body: { files } })

/** Where a browser downloads an attachment (same-origin cookie). */
export const attachmentHref = (caseId: string, attachmentId: string) =>
  `${base}/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`

export const listFollowUps = (query: { due?: 'true' | 'today'; status?: string; owner?: string }, signal?: AbortSignal) =>
  apiRequest<z.infer<typeof followUpListSchema>>(`${base}/follow-ups`, { query: { ...query, limit: 200 }, signal })

export const getFollowUp = (id: string, signal?: AbortSignal) => apiRequest<FollowUpDetail>(`${base}/follow-ups/${encodeURIComponent(id)}`, { signal })

export type VisitAttempt = { outcome: 'reached' | 'not_reached' | 'wrong_number'; satisfied?: boolean; notes?: string }
export const recordAttempt = (id: string, body: VisitAttempt) =>
  apiRequest<FollowUp>(`${base}/follow-ups/${encodeURIComponent(id)}/attempts`, { method: 'POST', body })

export const updateFollowUp = (id: string, body: { dueAt?: string; ownerId?: string | null }) =>
  apiRequest<FollowUp>(`${base}/follow-ups/${encodeURIComponent(id)}`, { method: 'PATCH', body })

export const getAnalytics = (range: { from: string; to: string }, signal?: AbortSignal) => apiRequest<Analytics>(`${base}/analytics`, { query: range, signal })

export const getConfig = async (signal?: AbortSignal): Promise<ComplaintsConfig> =>
  (await apiRequest<{ config: ComplaintsConfig }>('/api/v1/plugins/complaint-tracking', { signal })).config

export const saveConfig = async (config: ComplaintsConfig): Promise<ComplaintsConfig> =>
  (await apiRequest<{ config: ComplaintsConfig }>('/api/v1/plugins/complaint-tracking/config', { method: 'PUT', body: config })).config

/** A customer as the picker shows one. */
export type CustomerHit = { id: string; name: string | null; email: string | null; phone: string | null; externalId: string | null }
export const searchCustomers = (q: string, signal?: AbortSignal) =>
  apiRequest<{ items: CustomerHit[] }>('/api/v1/customers', { query: { q, limit: 20 }, signal })

/** Reads a browser File as the JSON upload the server takes. */
export async function toUpload(file: File): Promise<FileUpload> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { fileName: file.name, contentType: file.type || 'application/octet-stream', dataBase64: btoa(binary) }
}

export type CannedReply = z.infer<typeof cannedReplySchema>
export type CannedReplyInput = { title: string; body: string; locale: 'zh-CN' | 'en'; category: string | null }
export const listCannedReplies = (query: { locale?: string; category?: string }, signal?: AbortSignal) =>
  apiRequest<{ items: CannedReply[] }>(`${base}/canned-replies`, { query, signal })
export const saveCannedReply = (id: string | null, body: CannedReplyInput) =>
  apiRequest<CannedReply>(id ? `${base}/canned-replies/${encodeURIComponent(id)}` : `${base}/canned-replies`, { method: id ? 'PUT' : 'POST', body })
export const deleteCannedReply = (id: string) => apiRequest(`${base}/canned-replies/${encodeURIComponent(id)}`, { method: 'DELETE' })

export type SavedView = z.infer<typeof savedViewSchema>
export const listViews = (signal?: AbortSignal) => apiRequest<{ items: SavedView[] }>(`${base}/views`, { signal })
export const saveView = (name: string, filters: CaseFilters) => apiRequest<SavedView>(`${base}/views`, { method: 'POST', body: { name, filters } })
export const deleteView = (id: string) => apiRequest(`${base}/views/${encodeURIComponent(id)}`, { method: 'DELETE' })

export type BulkResult = z.infer<typeof bulkResultSchema>
export const bulkUpdate = (body: { ids: string[]; assigneeId?: string | null; status?: string; addTags?: string[] }) =>
  apiRequest<BulkResult>(`${base}/cases/bulk`, { method: 'POST', body })
export const mergeCase = (id: string, into: string) => apiRequest<Case>(`${base}/cases/${encodeURIComponent(id)}/merge`, { method: 'POST', body: { into } })

export type SlaAnalytics = z.infer<typeof slaAnalyticsSchema>
export type SlaAnalyticsQuery = { from: string; to: string; by: 'agent' | 'category' | 'channel'; category?: string; channel?: string; priority?: string }
export const getSlaAnalytics = (query: SlaAnalyticsQuery, signal?: AbortSignal) =>
  apiRequest<SlaAnalytics>(`${base}/analytics/sla`, { query: query as QueryParams, signal })

export const editCase = (id: string, body: { category?: string; priority?: string; tags?: string[]; fields?: Record<string, string | number | null> }) =>
  apiRequest<Case>(`${base}/cases/${encodeURIComponent(id)}`, { method: 'PATCH', body })

/**
 * @module
 * The delivery service's calls for the message pages: the delivery log, templates (read, edit,
 * preview), outgoing webhooks (endpoints, their delivery log, a test send) and bulk sends. The
 * shapes mirror core's zod schemas (`packages/core/src/messaging`), which the admin does not import.
 */
import { apiRequest } from '@rapport/admin-kit'

export const MESSAGE_STATES = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'suppressed'] as const
export type MessageState = (typeof MESSAGE_STATES)[number]
export type Message = {
  id: string; plugin: string; customerId: string | null; userId: string | null; channel: string | null; template: string; state: MessageState
  attempts: number; lastError: string | null; locale: string | null; createdAt: string; updatedAt: string; sentAt: string | null
}
export type MessageFilters = { customerId?: string | undefined; state?: MessageState | undefined; channel?: string | undefined }
export const listMessages = (filters: MessageFilters, signal?: AbortSignal) =>
  apiRequest<{ items: Message[]; nextCursor: string | null }>('/api/v1/messages', { query: { ...filters, limit: 100 }, signal })

export type Texts = { subject: string; text: string; html: string }
export type Locale = 'zh-CN' | 'en'
export type TemplateSummary = { id: string; params: string[]; locales: Locale[] }
export type TemplateDetail = { id: string; params: string[]; locales: Record<Locale, Texts>; builtIn: Record<Locale, Texts>; edited: Locale[] }
const templatePath = (id: string) => `/api/v1/messaging/templates/${encodeURIComponent(id)}`
export const listTemplates = (signal?: AbortSignal) => apiRequest<{ items: TemplateSummary[] }>('/api/v1/messaging/templates', { signal })
export const getTemplate = (id: string, signal?: AbortSignal) => apiRequest<TemplateDetail>(templatePath(id), { signal })
export const saveTemplate = (id: string, locales: Partial<Record<Locale, Texts>>) => apiRequest<TemplateDetail>(templatePath(id), { method: 'PUT', body: { locales } })
export const resetTemplate = (id: string) => apiRequest<TemplateDetail>(templatePath(id), { method: 'DELETE' })
/** A sample recipient's name per language, so the preview reads like a real message. */
const SAMPLE_NAME: Record<Locale, string> = { 'zh-CN': '王芳', en: 'Lin Chen' }
export const previewDraft = (id: string, locale: Locale, texts: Texts, signal?: AbortSignal) =>
  apiRequest<Texts>(`${templatePath(id)}/draft-preview`, { method: 'POST', body: { locale, texts, params: { customerName: SAMPLE_NAME[locale] } }, signal })

export type WebhookEndpoint = { id: string; url: string; eventTypes: string[]; createdAt: string }
export type WebhookDelivery = { id: string; eventId: string; eventType: string | null; state: 'pending' | 'running' | 'done' | 'dead'; attempts: number; lastError: string | null; createdAt: string; doneAt: string | null }
const webhookPath = (id: string) => `/api/v1/webhooks/${encodeURIComponent(id)}`
export const listWebhooks = (signal?: AbortSignal) => apiRequest<{ items: WebhookEndpoint[] }>('/api/v1/webhooks', { signal })
export const createWebhook = (body: { url: string; eventTypes: string[] }) => apiRequest<WebhookEndpoint & { secret: string }>('/api/v1/webhooks', { method: 'POST', body })
export const deleteWebhook = (id: string) => apiRequest<void>(webhookPath(id), { method: 'DELETE' })
export const testWebhook = (id: string) => apiRequest<{ delivered: boolean; error: string | null }>(`${webhookPath(id)}/test`, { method: 'POST' })
export const webhookLog = (id: string, signal?: AbortSignal) => apiRequest<{ items: WebhookDelivery[] }>(`${webhookPath(id)}/deliveries`, { signal })

export const BULK_SKIP_REASONS = ['noAddress', 'unsubscribed', 'noConsent', 'overBudget', 'other'] as const
export type BulkSend = {
  id: string; name: string; segmentId: string; template: string; channel: string; requireConsent: boolean; perMinute: number
  state: 'running' | 'waiting' | 'done'; total: number; deferredUntil: string | null; createdAt: string; finishedAt: string | null
  progress: { processed: number; queued: number; sent: number; failed: number; skipped: Record<(typeof BULK_SKIP_REASONS)[number], number>; deferred: { quietHours: number } }
}
export type BulkSendRequest = { name: string; segmentId: string; template: string; channel: string; perMinute: number; requireConsent: boolean }
export const listBulkSends = (signal?: AbortSignal) => apiRequest<{ items: BulkSend[] }>('/api/v1/messaging/bulk-sends', { signal })
export const startBulkSend = (body: BulkSendRequest) => apiRequest<BulkSend>('/api/v1/messaging/bulk-sends', { method: 'POST', body })

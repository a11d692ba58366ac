/**
 * @module
 * Customer calls of the core API.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { Customer, CustomerDetail, CustomerEvent, CustomerSort, Page, ProfileValue } from './types'

/** Query of the customers list. */
export type CustomerListQuery = { q?: string; sort?: CustomerSort; cursor?: string; limit?: number }

/** `GET /api/v1/customers`. */
export const listCustomers = ({ limit = 50, ...query }: CustomerListQuery, signal?: AbortSignal) =>
  apiRequest<Page<Customer>>('/api/v1/customers', { query: { limit, ...query }, signal })

/** `GET /api/v1/customers/:id`. */
export const getCustomer = (id: string, signal?: AbortSignal) =>
  apiRequest<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(id)}`, { signal })

/** `GET /api/v1/customers/:id/events`. */
export const listCustomerEvents = (id: string, { cursor, limit = 50 }: { cursor?: string; limit?: number }, signal?: AbortSignal) =>
  apiRequest<Page<CustomerEvent>>(`/api/v1/customers/${encodeURIComponent(id)}/events`, { query: { limit, cursor }, signal })

/** Who made a profile change: a rule (id and version) or a plugin's own code (version null). */
export type ChangeSource = { kind: 'rule' | 'plugin'; id: string; version: number | null }

/** One recorded change of a profile field. */
export type ProfileChange = {
  field: string
  at: string
  op: string
  operand: ProfileValue
  previous: ProfileValue
  next: ProfileValue
  source: ChangeSource
  plugin: string
  event: { id: string; type: string; occurredAt: string } | null
}

/** `GET /api/v1/customers/:id/explain?field=`: why a field has its value, changes oldest first. */
export type Explanation = { field: string; value: ProfileValue; changes: ProfileChange[]; nextCursor: string | null }

/**
 * Who caused an event, with the name to show: a user's or API key's name, the customer's own name
 * (null once erased); for `system`, `id` says what acted (`job:<plugin>:<name>`, `demo`, `import`).
 */
export type EventActor = { type: 'user' | 'apiKey' | 'customer' | 'anonymous' | 'system'; id: string | null; name: string | null }

/** One event of the timeline with the profile changes it caused; `actor` is null for events logged before actors were recorded. */
export type TimelineItem = CustomerEvent & { seq: number; source: string; actor: EventActor | null; profileChanges: Array<Omit<ProfileChange, 'event'>> }

/** `GET /api/v1/customers/:id/explain`. */
export const explainField = (id: string, field: string, signal?: AbortSignal) =>
  apiRequest<Explanation>(`/api/v1/customers/${encodeURIComponent(id)}/explain`, { query: { field }, signal })

/** `GET /api/v1/customers/:id/timeline`, newest first. */
export const getTimeline = (id: string, { cursor, limit = 20 }: { cursor?: string | undefined; limit?: number }, signal?: AbortSignal) =>
  apiRequest<Page<TimelineItem>>(`/api/v1/customers/${encodeURIComponent(id)}/timeline`, { query: { limit, cursor }, signal })

/** `POST /api/v1/customers/:id/erase` (owners). */
export const eraseCustomer = (id: string) => apiRequest<{ customer: Customer }>(`/api/v1/customers/${encodeURIComponent(id)}/erase`, { method: 'POST' })

/** Where `GET /api/v1/customers/:id/export` (owners) serves the JSON document as an attachment. */
export const customerExportHref = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}/export`

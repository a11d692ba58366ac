/**
 * @module
 * Customer calls of the core API.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { Customer, CustomerEvent, CustomerSort, Page } from './types'

/** Query of the customers list. */
export type CustomerListQuery = { q?: string; sort?: CustomerSort; cursor?: string; limit?: number }

/** `GET /api/v1/customers`. */
export const listCustomers = ({ limit = 50, ...query }: CustomerListQuery, signal?: AbortSignal) =>
  apiRequest<Page<Customer>>('/api/v1/customers', { query: { limit, ...query }, signal })

/** `GET /api/v1/customers/:id`. */
export const getCustomer = (id: string, signal?: AbortSignal) =>
  apiRequest<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`, { signal })

/** `GET /api/v1/customers/:id/events`. */
export const listCustomerEvents = (id: string, { cursor, limit = 50 }: { cursor?: string; limit?: number }, signal?: AbortSignal) =>
  apiRequest<Page<CustomerEvent>>(`/api/v1/customers/${encodeURIComponent(id)}/events`, { query: { limit, cursor }, signal })

/**
 * @module
 * The health call, which also tells the business's time zone.
 */
import { apiRequest } from './client'

/** What `GET /api/health` answers. */
export type Health = {
  status: string
  version: string
  database: { status: string; dialect: string }
  timeZone?: string
}

/** `GET /api/health`. */
export const getHealth = (signal?: AbortSignal) => apiRequest<Health>('/api/health', { signal })

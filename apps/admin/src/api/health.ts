/**
 * @module
 * The health call, which also tells the business's time zone.
 */
import { apiRequest } from './client'
import type { Health } from './types'

/** `GET /api/health`. */
export const getHealth = (signal?: AbortSignal) => apiRequest<Health>('/api/health', { signal })

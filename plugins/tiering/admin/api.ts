/**
 * @module
 * The tiering calls the admin pages make (`/api/p/tiering/*`).
 */
import { apiRequest } from '@rapport/admin-kit'
import type { LadderStep } from '../shared/vocabulary'

type Count = { key: string; count: number }

/** `GET /api/p/tiering/distribution`. */
export type Distribution = { total: number; tiers: (Count & { label: { en: string; 'zh-CN': string } })[]; segments: Count[]; recencyStatuses: Count[] }

/** `GET /api/p/tiering/funnel`. */
export type Funnel = { steps: { step: LadderStep; count: number; reached: number }[] }

export const getDistribution = (signal?: AbortSignal) => apiRequest<Distribution>('/api/p/tiering/distribution', { signal })

export const getFunnel = (signal?: AbortSignal) => apiRequest<Funnel>('/api/p/tiering/funnel', { signal })

/**
 * @module
 * The tiering reads the admin pages make (`/api/p/tiering/*`): distribution, funnel and analytics.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { LadderStep } from '../shared/vocabulary'

type Count = { key: string; count: number }
/** A name in both admin languages. */
export type Labels = { en: string; 'zh-CN': string }

/** `GET /api/p/tiering/distribution`. */
export type Distribution = { total: number; tiers: (Count & { label: Labels })[]; segments: Count[]; recencyStatuses: Count[] }

/** `GET /api/p/tiering/funnel`. */
export type Funnel = { total: number; steps: { step: LadderStep; count: number; reached: number; conversion: number | null }[] }

/** What a series or a migration counts: value tiers or ladder steps. */
export type Dimension = 'tier' | 'ladder'
export type Interval = 'day' | 'week' | 'month'

/** `GET /api/p/tiering/analytics/over-time`. */
export type OverTime = { of: Dimension; interval: Interval; keys: string[]; points: { period: string; at: string; total: number; counts: Record<string, number> }[] }

/** `GET /api/p/tiering/analytics/migration`. */
export type Migration = {
  of: Dimension; from: string; to: string; keys: string[]
  matrix: { from: string; to: string; count: number }[]
  sankey: { nodes: { id: string; key: string; side: 'from' | 'to' }[]; links: { source: string; target: string; value: number }[] }
  moved: number; stayed: number
}

/** `GET /api/p/tiering/analytics/rfm-grid`. */
export type RfmGrid = { total: number; cells: { r: number; f: number; count: number; avgMonetary: number | null; spendMinor: number }[] }

/** `GET /api/p/tiering/analytics/segments`. */
export type SegmentSizes = {
  total: number; spendMinor: number
  segments: { key: string; label: Labels; count: number; share: number; spendMinor: number; revenueShare: number; avgSpendMinor: number }[]
}

export const getDistribution = (signal?: AbortSignal) => apiRequest<Distribution>('/api/p/tiering/distribution', { signal })

export const getFunnel = (signal?: AbortSignal) => apiRequest<Funnel>('/api/p/tiering/funnel', { signal })

export const getOverTime = (query: { from: string; to: string; interval: Interval; of: Dimension }, signal?: AbortSignal) =>
  apiRequest<OverTime>('/api/p/tiering/analytics/over-time', { query, signal })

export const getMigration = (query: { from: string; to: string; of: Dimension }, signal?: AbortSignal) =>
  apiRequest<Migration>('/api/p/tiering/analytics/migration', { query, signal })

export const getRfmGrid = (signal?: AbortSignal) => apiRequest<RfmGrid>('/api/p/tiering/analytics/rfm-grid', { signal })

export const getSegmentSizes = (signal?: AbortSignal) => apiRequest<SegmentSizes>('/api/p/tiering/analytics/segments', { signal })

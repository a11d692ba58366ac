/**
 * @module
 * The customer explain page's calls: `GET /api/p/tiering/customers/{id}` (aggregates and tier
 * history) and `GET /api/p/tiering/customers/{id}/explain` (why).
 */
import { apiRequest } from '@rapport/admin-kit'
import type { TieringConfig } from '../server/config'

/** `GET /api/p/tiering/customers/{id}`. */
export type CustomerTiering = {
  customerId: string; orders: number; spendMinor: number; windowOrders: number; windowSpendMinor: number
  firstOrderAt: string | null; lastOrderAt: string | null; avgGapDays: number | null
  rfmCode: string | null; segment: string | null; recencyStatus: string | null; tier: string | null; tierSince: string | null; ladder: string | null
  history: { from: string | null; to: string; reason: string; trigger: string; spendMinor: number; at: string }[]
}

type Cuts = (number | null)[] | null
type Range = { minMinor?: number; maxMinor?: number; min?: number; max?: number }
/** One ladder criterion checked on the customer's profile. */
export type CheckedCriterion = { field: string; op: string; value?: unknown; actual: unknown; holds: boolean }
export type CheckedCondition = CheckedCriterion | { anyOf: CheckedCriterion[]; holds: boolean }

/** `GET /api/p/tiering/customers/{id}/explain`. */
export type CustomerExplain = {
  customerId: string
  evaluatedAt: string | null
  tier: {
    current: string | null; since: string | null; computed: string | null; mode: 'percentile' | 'thresholds'; basis: TieringConfig['tiers']['basis']; value: number
    percentile?: { spendersAbove: number; spenders: number; percentiles: Record<string, number>; cutPoints: Record<string, number | null> | null }
    thresholds?: Record<string, Range>
    policy: { downgrade: string; graceDays: number; belowSince: string | null; downgradeHeld: boolean; graceEndsAt: string | null }
  }
  rfm: {
    code: string | null
    recency: { score: number | null; daysSinceLastOrder: number | null; cutPoints: Cuts }
    frequency: { score: number | null; windowOrders: number; cutPoints: Cuts }
    monetary: { score: number | null; windowSpendMinor: number; cutPoints: Cuts }
    windowDays: number
    cutPointsFrom: { computedAt: string; population: number; used: boolean } | null
    segment: { key: string | null; rule: { segment: string; r: [number, number]; f: [number, number]; m: [number, number] } | null; fallback: boolean }
  }
  recencyStatus: { status: string | null; basis: 'ownRhythm' | 'absolute'; orders: number; typicalGapDays: number | null; atRiskAfterDays: number; hibernatingAfterDays: number }
  ladder: { step: string | null; since: string | null; steps: { step: string; automatic: boolean; holds: boolean; conditions: CheckedCondition[] }[] }
}

const base = (id: string) => `/api/p/tiering/customers/${encodeURIComponent(id)}`

export const getCustomerTiering = (id: string, signal?: AbortSignal) => apiRequest<CustomerTiering>(base(id), { signal })

export const getCustomerExplain = (id: string, signal?: AbortSignal) => apiRequest<CustomerExplain>(`${base(id)}/explain`, { signal })

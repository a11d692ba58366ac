/**
 * @module
 * The settings page's calls: the stored config (`GET /api/v1/plugins/tiering`), its preview
 * (`POST /api/p/tiering/config/preview`), the save (`PUT /api/v1/plugins/tiering/config`) and a
 * full re-evaluation now (`POST /api/p/tiering/reevaluate`).
 */
import { apiRequest } from '@rapport/admin-kit'
import type { TieringConfig } from '../server/config'

export type { TieringConfig }

/** One move of a preview: customers going `from` → `to`, with a few of them as examples. */
export type PreviewMove = { from: string | null; to: string | null; count: number; examples: string[] }
type Moved = { moved: number; moves: PreviewMove[] }

/** `POST /api/p/tiering/config/preview`. */
export type ConfigPreview = {
  customers: number
  tiers: Moved & { upgrades: number; downgrades: number; downgradePolicy: TieringConfig['tiers']['downgrade'] }
  segments: Moved
  recencyStatuses: Moved
  ladder: Moved & { changed: boolean; checked: number; sampled: boolean }
}

/** `POST /api/p/tiering/reevaluate`. */
export type ReevaluateResult = { customers: number; changed: number; ladderChecked: number }

/** A problem the server names in a refused config: `tiers.percentiles`, `ladder.supporter.2.anyOf.0.field`. */
export type ConfigIssue = { path: string; message: string }

export const getTieringConfig = async (signal?: AbortSignal): Promise<TieringConfig> =>
  (await apiRequest<{ config: TieringConfig }>('/api/v1/plugins/tiering', { signal })).config

export const previewConfig = (config: TieringConfig) => apiRequest<ConfigPreview>('/api/p/tiering/config/preview', { method: 'POST', body: config })

export const saveConfig = async (config: TieringConfig): Promise<TieringConfig> =>
  (await apiRequest<{ config: TieringConfig }>('/api/v1/plugins/tiering/config', { method: 'PUT', body: config })).config

export const reevaluateNow = () => apiRequest<ReevaluateResult>('/api/p/tiering/reevaluate', { method: 'POST' })
